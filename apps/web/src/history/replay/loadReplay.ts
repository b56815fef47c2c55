/**
 * The history a replay or time-lapse plays: every entry this browser stored
 * for the board, read once. In a room the times are moved onto the server's
 * clock (by this browser's measured offset), as the interview clock and the
 * server's history use server time.
 */
import type { HistoryEntry } from "@archboard/board-sync/history";
import { useServerTime } from "../../interview/serverTime.ts";
import type { HistoryDb } from "../historyDb.ts";

/** Reads the whole stored history of a board, oldest first. */
export async function loadReplayEntries(db: HistoryDb, inRoom: boolean): Promise<HistoryEntry[]> {
  await db.refresh();
  const entries = await db.read(0, db.points().length);
  const offset = inRoom ? useServerTime.getState().offsetMs : 0;
  return offset === 0 ? entries : entries.map((e) => ({ ...e, at: e.at + offset }));
}
