import type { KeyboardEvent } from "react";

/**
 * For toolbars inside the editor: Enter and Space on one of their buttons
 * press that button. Without this, the editor's global shortcuts see them
 * first (Enter edits the selected shape's text) and the button never fires.
 */
export function keepActivationKeys(e: KeyboardEvent<HTMLElement>) {
  if (
    (e.key === "Enter" || e.key === " ") &&
    e.target !== e.currentTarget &&
    (e.target as HTMLElement).closest("button, a[href]")
  ) {
    e.stopPropagation();
  }
}
