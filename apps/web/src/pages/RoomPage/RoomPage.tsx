import { useEffect } from "react";
import type { RoomId } from "@archboard/protocol";
import { BoardPage } from "../BoardPage/BoardPage.tsx";
import { boardsStore, useBoards } from "../../board-list/boardsStore.ts";

/**
 * `/r/<roomId>`: a shared board. The first visit from this browser creates
 * a local board linked to the room (its content arrives by sync); later
 * visits reopen that board, with everything drawn offline kept.
 */
export function RoomPage({ roomId }: { roomId: RoomId }) {
  const ready = useBoards((s) => s.ready);
  // The local board linked to the room: found in the list, or there once the effect below has made it.
  const boardId = useBoards((s) => (s.ready ? (s.findByRoom(roomId)?.id ?? null) : null));

  useEffect(() => {
    if (!ready) return;
    const store = boardsStore().getState();
    // An invite link carries its token (?t=…); a plain share link does not.
    const token = new URLSearchParams(window.location.search).get("t") ?? undefined;
    const existing = store.findByRoom(roomId);
    if (existing) {
      // The editor opens after the board's doc loads, by which time it holds this link's token.
      if (token && token !== existing.roomToken) store.setRoom(existing.id, roomId, token);
      return;
    }
    const meta = store.create(token ? "Mock interview" : "Shared board");
    store.setRoom(meta.id, roomId, token);
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
