import type { OpenBoard } from "../../board-list/boardStorage.ts";
import { showBoardAt, useHistoryView } from "../historyView.ts";
import { loadReplayEntries } from "./loadReplay.ts";
import { ReplayControls } from "./ReplayControls.tsx";

/** A stable `showAt` for the player: the past view's own. */
const show = (at: number) => void showBoardAt(at);

/**
 * The replay controls of an open board, for the History tab's playback slot:
 * they read the board's history from this browser's store and show each
 * moment in the same read-only view as the scrubber. Nothing where this
 * browser could not open the board's history.
 */
export function BoardReplay({ board, title, inRoom }: { board: OpenBoard; title: string; inRoom: boolean }) {
  const viewing = useHistoryView((s) => s.viewing);
  const history = board.history;
  if (!history) return null;
  return (
    <ReplayControls title={title} load={() => loadReplayEntries(history.db, inRoom)} showAt={show} viewing={viewing} />
  );
}
