import { useState } from "react";
import type * as Y from "yjs";
import { boardsStore } from "../../board-list/boardsStore.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { loadIdentity, saveIdentity } from "../../collab/identity.ts";
import { createRoom, roomLink } from "../../collab/rooms.ts";
import { setSharedTitle } from "../../collab/sharedTitle.ts";
import { navigate, roomPath, boardPath } from "../../router.ts";
import { Modal } from "../../ui/Modal.tsx";
import { toast } from "../../ui/toastStore.ts";

/** Start a live session on this board, or copy its link. */
export function ShareDialog({ meta, doc, onClose }: { meta: BoardMeta; doc: Y.Doc; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(() => loadIdentity().name);
  const link = meta.roomId ? roomLink(meta.roomId) : null;

  const saveName = () => setName(saveIdentity({ ...loadIdentity(), name }).name);

  const start = async () => {
    setBusy(true);
    try {
      saveName();
      const room = await createRoom();
      setSharedTitle(doc, meta.title);
      boardsStore().getState().setRoom(meta.id, room.roomId);
      navigate(roomPath(room.roomId), { replace: true });
    } catch (err) {
      toast((err as Error).message, "error");
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      toast("Link copied. Anyone with it can edit this board.");
    } catch {
      toast("Copying is blocked here; select the link and copy it by hand.", "error");
    }
  };

  const stop = () => {
    boardsStore().getState().setRoom(meta.id, undefined);
    navigate(boardPath(meta.id), { replace: true });
    toast("Stopped sharing. The board stays in this browser.");
    onClose();
  };

  return (
    <Modal
      title={link ? "Shared live" : "Share live"}
      onClose={onClose}
      className="ab-modal--narrow"
      testId="share-dialog"
    >
      <div className="ab-share">
        <label className="ab-field">
          <span className="ab-field__label">Your name, as others see it</span>
          <input
            className="ab-input"
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            onBlur={saveName}
          />
        </label>
        {link ? (
          <>
            <p className="ab-muted">Send this link to your partner. Everyone with it draws on the same board, live.</p>
            <div className="ab-share__link">
              <input
                className="ab-input"
                readOnly
                value={link}
                aria-label="Link to this board"
                data-testid="share-link"
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="ab-button ab-button--primary" onClick={copy}>
                Copy link
              </button>
            </div>
            <button type="button" className="ab-link ab-link--danger" onClick={stop}>
              Stop sharing on this device
            </button>
          </>
        ) : (
          <>
            <p className="ab-muted">
              Practise with a partner: the board’s current content goes to a live room on this server, and you get a
              link to send. You both draw on the same board and see each other’s cursors.
            </p>
            <div className="ab-modal__actions">
              <button type="button" className="ab-button" onClick={onClose}>
                Cancel
              </button>
              <button
                type="button"
                className="ab-button ab-button--primary"
                disabled={busy}
                onClick={start}
                data-testid="start-sharing"
              >
                {busy ? "Starting…" : "Start live session"}
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
