import { useState } from "react";
import type * as Y from "yjs";
import { loadIdentity } from "../collab/identity.ts";
import { serverNow } from "../interview/serverTime.ts";
import { toast } from "../ui/toastStore.ts";
import { Modal } from "../ui/Modal.tsx";
import { saveVersion, useVersionDialog, VERSION_NAME_MAX } from "./versions.ts";

/**
 * Names the board as it is now. In a room the time is the server's (the
 * room's history is stamped by the server), so the version points at the
 * same moment for everyone.
 */
export function SaveVersionDialog({ doc, shared }: { doc: Y.Doc; shared: boolean }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const close = () => useVersionDialog.getState().setOpen(false);
  const save = () => {
    try {
      const v = saveVersion(doc, name, shared ? serverNow() : Date.now(), shared ? loadIdentity().name : undefined);
      toast(`Saved “${v.name}”.`);
      close();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Modal title="Save version" onClose={close} className="ab-modal--narrow" testId="save-version-dialog">
      <form
        className="ab-share"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="ab-field">
          <span className="ab-field__label">Name for the board as it is now</span>
          <input
            className="ab-input"
            value={name}
            maxLength={VERSION_NAME_MAX}
            placeholder="e.g. before deep dive"
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            data-testid="version-name"
            autoFocus
          />
        </label>
        {error && (
          <p className="ab-history__error" role="alert">
            {error}
          </p>
        )}
        <div className="ab-modal__actions">
          <button type="button" className="ab-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="ab-button ab-button--primary" data-testid="version-save">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
