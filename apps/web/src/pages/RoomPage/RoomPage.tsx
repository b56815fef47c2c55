import { useEffect, useState } from "react";
import type { BoardId, RoomId } from "@archboard/protocol";
import { BoardPage } from "../BoardPage/BoardPage.tsx";
import { boardsStore, useBoards } from "../../board-list/boardsStore.ts";

/**
 * `/r/<roomId>`: a shared board. The first visit from this browser creates
 * a local board linked to the room (its content arrives by sync); later
 * visits reopen that board, with everything drawn offline kept.
 */
export function RoomPage({ roomId }: { roomId: RoomId }) {
  const ready = useBoards((s) => s.ready);
  const [boardId, setBoardId] = useState<BoardId | null>(null);

  useEffect(() => {
    if (!ready) return;
    const store = boardsStore().getState();
    // An invite link carries its token (?t=…); a plain share link does not.
    const token = new URLSearchParams(window.location.search).get("t") ?? undefined;
    const existing = store.findByRoom(roomId);
    if (existing) {
      if (token && token !== existing.roomToken) store.setRoom(existing.id, roomId, token);
      return setBoardId(existing.id);
    }
    const meta = store.create(token ? "Mock interview" : "Shared board");
    store.setRoom(meta.id, roomId, token);
    setBoardId(meta.id);
  }, [ready, roomId]);

  if (!boardId) {
    return (
      <div className="ab-centered">
        <p className="ab-muted" role="status">
          Joining the shared board…
        </p>
      </div>
    );
  }
  return <BoardPage id={boardId} />;
}
