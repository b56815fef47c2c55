import { useState } from "react";
import type { InterviewRoom, Role } from "@archboard/protocol";
import type { BoardId } from "@archboard/protocol";
import { acquireBoard, releaseBoard } from "../board-list/boardStorage.ts";
import { boardsStore } from "../board-list/boardsStore.ts";
import { createInterviewRoom } from "../collab/rooms.ts";
import { setSharedTitle } from "../collab/sharedTitle.ts";
import { navigate } from "../router.ts";
import { Modal } from "../ui/Modal.tsx";
import { toast } from "../ui/toastStore.ts";

const ROLES: Array<{ role: Role; label: string; hint: string }> = [
  {
    role: "interviewer",
    label: "Interviewer (you)",
    hint: "Runs the clock, sees hints, keeps private notes and the rubric.",
  },
  { role: "candidate", label: "Candidate", hint: "Draws, sees the prompt, the clock and the diagram check." },
  { role: "observer", label: "Observer", hint: "Watches everything the candidate sees; cannot change the board." },
];

/**
 * Starts a mock interview: creates the room and shows one invite link per
 * role. The board (a new one from the home page, or the current one) becomes
 * the interview board, opened as the interviewer.
 */
export function StartInterviewDialog({ boardId, onClose }: { boardId?: BoardId; onClose: () => void }) {
  const [ttlHours, setTtl] = useState(24);
  const [room, setRoom] = useState<InterviewRoom | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const created = await createInterviewRoom(ttlHours);
      const store = boardsStore().getState();
      const meta = (boardId && store.get(boardId)) || store.create("Mock interview");
      store.setRoom(meta.id, created.roomId, created.invites.interviewer.token);
      const board = await acquireBoard(meta.id);
      setSharedTitle(board.doc, meta.title);
      await releaseBoard(meta.id);
      setRoom(created);
    } catch (err) {
      toast((err as Error).message, "error");
    } finally {
      setBusy(false);
    }
  };

  const absolute = (url: string) => `${window.location.origin}${url}`;
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(absolute(url));
      toast("Link copied.");
    } catch {
      toast("Copying is blocked here; select the link and copy it by hand.", "error");
    }
  };

  return (
    <Modal title="Mock interview" onClose={onClose} className="ab-modal--narrow" testId="interview-dialog">
      <div className="ab-share">
        {!room ? (
          <>
            <p className="ab-muted">
              A 45-minute system-design round: a shared board, a clock with phases, a prompt, and private notes and a
              rubric for the interviewer. Each person joins with their own link; the server enforces what each role may
              do.
            </p>
            <label className="ab-field">
              <span className="ab-field__label">Links expire after</span>
              <select className="ab-input" value={ttlHours} onChange={(e) => setTtl(Number(e.target.value))}>
                <option value={4}>4 hours</option>
                <option value={24}>1 day</option>
                <option value={72}>3 days</option>
                <option value={168}>1 week</option>
              </select>
            </label>
            <div className="ab-modal__actions">
              <button type="button" className="ab-button" onClick={onClose}>
                Cancel
              </button>
              <button
                type="button"
                className="ab-button ab-button--primary"
                disabled={busy}
                onClick={start}
                data-testid="create-interview"
              >
                {busy ? "Creating…" : "Create interview room"}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="ab-muted">
              Send each person their link. Keep the interviewer link to yourself: it opens your private notes.
            </p>
            {ROLES.map(({ role, label, hint }) => (
              <div key={role} className="ab-invite" data-testid={`invite-${role}`}>
                <span className="ab-field__label">{label}</span>
                <div className="ab-share__link">
                  <input
                    className="ab-input"
                    readOnly
                    value={absolute(room.invites[role].url)}
                    aria-label={`${label} link`}
                    onFocus={(e) => e.target.select()}
                  />
                  <button type="button" className="ab-button" onClick={() => copy(room.invites[role].url)}>
                    Copy
                  </button>
                </div>
                <span className="ab-hint">{hint}</span>
              </div>
            ))}
            <div className="ab-modal__actions">
              <button
                type="button"
                className="ab-button ab-button--primary"
                data-testid="open-as-interviewer"
                onClick={() => {
                  onClose();
                  navigate(room.invites.interviewer.url);
                }}
              >
                Open the board as interviewer
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
