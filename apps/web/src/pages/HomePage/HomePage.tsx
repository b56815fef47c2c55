import { useEffect, useState } from "react";
import { useBoards } from "../../board-list/boardsStore.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { useSceneImport } from "../../import/useSceneImport.ts";
import { dragHasFiles, sceneFileFromDrop } from "../../import/openSceneFile.ts";
import { boardPath, navigate } from "../../router.ts";
import { useTheme } from "../../ui/themeStore.ts";
import { relativeTime } from "./relativeTime.ts";
import { BoardCard } from "./BoardCard.tsx";
import { StartInterviewDialog } from "../../interview/StartInterviewDialog.tsx";

/** The list of boards kept in this browser. */
export function HomePage() {
  const ready = useBoards((s) => s.ready);
  const boards = useBoards((s) => s.boards);
  const create = useBoards((s) => s.create);
  const { openFile, pickAndOpen } = useSceneImport();
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  const [dragging, setDragging] = useState(false);
  const [interviewing, setInterviewing] = useState(false);
  const [, tick] = useState(0);

  useEffect(() => {
    document.title = "Archboard";
    // Keep "edited 5 minutes ago" honest while the page stays open.
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  const newBoard = () => navigate(boardPath(create().id));

  return (
    <div
      className={`ab-home${dragging ? " is-dragging" : ""}`}
      onDragOver={(e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.relatedTarget === null && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = sceneFileFromDrop(e.dataTransfer) ?? e.dataTransfer.files[0];
        if (file) void openFile(file);
      }}
    >
      <header className="ab-home__header">
        <div className="ab-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Archboard</span>
        </div>
        <div className="ab-home__actions">
          <button type="button" className="ab-button" onClick={() => setTheme(theme === "dark" ? "light" : "dark")}>
            {theme === "dark" ? "Light mode" : "Dark mode"}
          </button>
          <button
            type="button"
            className="ab-button"
            onClick={() => setInterviewing(true)}
            data-testid="mock-interview"
          >
            Mock interview
          </button>
          <button type="button" className="ab-button" onClick={pickAndOpen} data-testid="open-file">
            Open file
          </button>
          <button type="button" className="ab-button ab-button--primary" onClick={newBoard} data-testid="new-board">
            New board
          </button>
        </div>
      </header>
      <main className="ab-home__main">
        <h1>Your boards</h1>
        <p className="ab-muted">
          Practise system-design diagrams. Boards are saved in this browser as you draw and work offline.
        </p>
        {!ready ? (
          <p className="ab-muted" role="status">
            Loading boards…
          </p>
        ) : boards.length === 0 ? (
          <div className="ab-empty">
            <h2>No boards yet</h2>
            <p>
              Start a blank board, or open a <code>.excalidraw</code> file or a PNG exported with its board embedded.
            </p>
            <button type="button" className="ab-button ab-button--primary" onClick={newBoard}>
              Create your first board
            </button>
          </div>
        ) : (
          <ul className="ab-grid" data-testid="board-list">
            {boards.map((b: BoardMeta) => (
              <BoardCard key={b.id} meta={b} edited={relativeTime(b.updatedAt)} />
            ))}
          </ul>
        )}
      </main>
      {interviewing && <StartInterviewDialog onClose={() => setInterviewing(false)} />}
      {dragging && <div className="ab-drop-hint">Drop a .excalidraw file or a PNG with an embedded board</div>}
    </div>
  );
}
