import { useEffect, useId, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";

interface ModalProps {
  title: string;
  onClose(): void;
  /** Extra class on the dialog box (size, layout). */
  className?: string;
  testId?: string;
  /** Keys pressed inside the dialog, after Escape is handled (e.g. Ctrl+Enter to confirm). */
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}

/**
 * A dialog over the board: rendered at the document root (the editor's own
 * UI forms a stacking context), closed by Escape, the × button or a click on
 * the backdrop. Keys typed inside it never reach the editor's shortcuts.
 */
export function Modal({ title, onClose, className, testId, onKeyDown, children }: ModalProps) {
  const titleId = useId();
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
        onKeyDown={(e) => {
          e.stopPropagation();
          onKeyDown?.(e);
        }}
      >
        <header className="ab-modal__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ab-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}
