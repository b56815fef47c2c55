import { useEffect, useRef, useState } from "react";
import { useBoards } from "../../board-list/boardsStore.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { forgetView } from "../../board-list/boardView.ts";
import { boardPath, navigate } from "../../router.ts";
import { toast } from "../../ui/toastStore.ts";

/** One board on the home page: open, rename, duplicate, delete. */
export function BoardCard({ meta, edited }: { meta: BoardMeta; edited: string }) {
  const { rename, duplicate, remove } = useBoards((s) => s);
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (renaming) input.current?.select();
  }, [renaming]);

  const open = () => navigate(boardPath(meta.id));
  const commitRename = (value: string) => {
    setRenaming(false);
    if (value.trim() && value.trim() !== meta.title) rename(meta.id, value);
  };

  return (
    <li className="ab-card" data-testid="board-card" data-board-id={meta.id}>
      <a
        href={boardPath(meta.id)}
        className="ab-card__thumb"
        onClick={(e) => {
          e.preventDefault();
          open();
        }}
        aria-label={`Open ${meta.title}`}
      >
        {meta.thumbnail ? <img src={meta.thumbnail} alt="" /> : <span className="ab-card__blank">Empty board</span>}
      </a>
      <div className="ab-card__body">
        {renaming ? (
          <input
            ref={input}
            className="ab-card__rename"
            aria-label="New title"
            defaultValue={meta.title}
            maxLength={120}
            onBlur={(e) => commitRename(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") commitRename(e.currentTarget.value);
              if (e.key === "Escape") setRenaming(false);
            }}
          />
        ) : (
          <h3 className="ab-card__title" title={meta.title}>
            {meta.title}
          </h3>
        )}
        <p className="ab-card__meta">Edited {edited}</p>
        {confirmDelete ? (
          <div className="ab-card__actions" role="group" aria-label="Confirm delete">
            <span>Delete for good?</span>
            <button
              type="button"
              className="ab-link ab-link--danger"
              onClick={async () => {
                await remove(meta.id);
                forgetView(meta.id);
                toast(`Deleted “${meta.title}”.`);
              }}
            >
              Delete
            </button>
            <button type="button" className="ab-link" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </div>
        ) : (
          <div className="ab-card__actions">
            <button type="button" className="ab-link" onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button
              type="button"
              className="ab-link"
              onClick={async () => {
                const copy = await duplicate(meta.id);
                if (copy) toast(`Duplicated as “${copy.title}”.`);
              }}
            >
              Duplicate
            </button>
            <button type="button" className="ab-link ab-link--danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
