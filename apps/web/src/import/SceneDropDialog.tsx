import { Modal } from "../ui/Modal.tsx";

interface Props {
  fileName: string;
  onOpen: () => void;
  onInsert: () => void;
  onClose: () => void;
}

/**
 * Asks what to do with a board file dropped on a board that already has
 * content: open it as a new board (the default, focused first) or add its
 * elements to this one.
 */
export function SceneDropDialog({ fileName, onOpen, onInsert, onClose }: Props) {
  return (
    <Modal title="Open or insert?" onClose={onClose} className="ab-modal--narrow" testId="scene-drop-dialog">
      <div className="ab-share">
        <p>“{fileName}” holds a whole board. Open it as a new board, or insert its elements into this one?</p>
        <div className="ab-modal__actions">
          <button type="button" className="ab-button" onClick={onInsert} data-testid="scene-drop-insert">
            Insert here
          </button>
          <button
            type="button"
            className="ab-button ab-button--primary"
            onClick={onOpen}
            data-testid="scene-drop-open"
            autoFocus
          >
            Open as a new board
          </button>
        </div>
      </div>
    </Modal>
  );
}
