import { Suspense, lazy, useEffect, useState } from "react";
import type { BoardId } from "@archboard/protocol";
import { acquireBoard, releaseBoard, type OpenBoard } from "../../board-list/boardStorage.ts";
import { useBoards } from "../../board-list/boardsStore.ts";
import { navigate } from "../../router.ts";

// Excalidraw is most of the app's weight: only the board page loads it.
const BoardCanvas = lazy(() => import("./BoardCanvas.tsx"));

function Centered({ children }: { children: React.ReactNode }) {
  return <div className="ab-centered">{children}</div>;
}

function Loading() {
  return (
    <Centered>
      <p className="ab-muted" role="status">
        Opening board…
      </p>
    </Centered>
  );
}

/** Opens the board's stored doc, then shows the editor. */
export function BoardPage({ id }: { id: BoardId }) {
  const ready = useBoards((s) => s.ready);
  const meta = useBoards((s) => s.boards.find((b) => b.id === id));
  // Re-open only when the board comes or goes, not when its title or thumbnail changes.
  const exists = meta !== undefined;
  const [board, setBoard] = useState<OpenBoard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!ready || !exists) return;
    let live = true;
    acquireBoard(id).then(
      (b) => (live ? setBoard(b) : void releaseBoard(id)),
      (err: Error) => live && setError(`This board could not be opened: ${err.message}`),
    );
    return () => {
      live = false;
      setBoard(null);
      void releaseBoard(id);
    };
  }, [id, ready, exists]);

  useEffect(() => {
    document.title = meta ? `${meta.title} · Archboard` : "Archboard";
  }, [meta]);

  if (!ready) return <Loading />;
  if (!meta) {
    return (
      <Centered>
        <h1>Board not found</h1>
        <p className="ab-muted">Boards live in the browser they were made in, and this one isn’t here.</p>
        <button type="button" className="ab-button ab-button--primary" onClick={() => navigate("/")}>
          Go to your boards
        </button>
      </Centered>
    );
  }
  if (error)
    return (
      <Centered>
        <p role="alert">{error}</p>
      </Centered>
    );
  if (!board || board.id !== id) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <BoardCanvas key={id} board={board} meta={meta} />
    </Suspense>
  );
}
