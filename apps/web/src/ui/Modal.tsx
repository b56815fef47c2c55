import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";

interface ModalProps {
  title: string;
  onClose: () => void;
  /** Extra class on the dialog box (size, layout). */
  className?: string;
  testId?: string;
  /** Keys pressed inside the dialog, after Escape is handled (e.g. Ctrl+Enter to confirm). */
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The dialog's controls a Tab can land on, in document order. */
const focusables = (root: HTMLElement) =>
  Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );

/** Keeps Tab and Shift+Tab going round the dialog instead of into the page behind it. */
function trapTab(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== "Tab") return;
  const all = focusables(e.currentTarget);
  if (all.length === 0) return e.preventDefault();
  const first = all[0]!,
    last = all[all.length - 1]!;
  const inside = e.currentTarget.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A dialog over the board: rendered at the document root (the editor's own
 * UI forms a stacking context), closed by Escape, the × button or a click on
 * the backdrop. Keys typed inside it never reach the editor's shortcuts.
 * Focus moves into it on opening (to an `autoFocus` control, else the first
 * one), stays inside while Tab is pressed, and goes back to whatever had it
 * before (the button that opened it) on closing.
 */
export function Modal({ title, onClose, className, testId, onKeyDown, children }: ModalProps) {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = boxRef.current;
    if (box && !box.contains(document.activeElement))
      (focusables(box).find((el) => !el.matches(".ab-modal__close")) ?? box).focus();
    return () => {
      // Menu items that opened a dialog are gone by now; then focus stays where the browser puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    // Escape works even before anything inside the dialog has focus.
    const onKey = (e: globalThis.KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return createPortal(
    <div className="ab-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={`ab-modal${className ? ` ${className}` : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        ref={boxRef}
        tabIndex={-1}
        onKeyDown={(e) => {
          // Stopping propagation keeps keys from the editor, and from the window listener above too.
          e.stopPropagation();
          if (e.key === "Escape") return onClose();
          trapTab(e);
          onKeyDown?.(e);
        }}
      >
        <header className="ab-modal__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ab-icon-button ab-modal__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}
