/**
 * The replay as React state: a player made on first use from the board's
 * stored history, its state on every frame, and the moment it shows handed to
 * the read-only past view. Moving the scrubber while paused makes the next
 * play start there; leaving the past view pauses.
 */
import { useEffect, useRef, useState } from "react";
import type { HistoryEntry } from "@archboard/board-sync/history";
import { ReplayCursor } from "./replayCursor.ts";
import { ReplayPlayer, type ReplaySpeed, type ReplayState } from "./replayPlayer.ts";

export interface ReplayBinding {
  /** Reads the board's history (once per player). */
  load: () => Promise<HistoryEntry[]>;
  /** Shows a moment in the read-only view (a stable function: the player keeps the first one). */
  showAt: (at: number) => void;
  /** The moment the view shows now (null: the live board). */
  viewing: number | null;
}

export function useReplay({ load, showAt, viewing }: ReplayBinding) {
  const player = useRef<ReplayPlayer | null>(null);
  const shown = useRef<number | null>(null);
  const [state, setState] = useState<ReplayState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);

  useEffect(() => () => player.current?.dispose(), []);
  // "Back to live" (or another control) left the past view: a running replay stops.
  useEffect(() => {
    if (viewing === null && player.current?.state.playing) player.current.pause();
  }, [viewing]);

  /** The player, made from the stored history the first time. */
  const ready = async (): Promise<ReplayPlayer | null> => {
    if (player.current) {
      // The scrubber moved since the replay last showed a moment: continue from there.
      if (viewing !== null && viewing !== shown.current) player.current.seek(viewing);
      return player.current;
    }
    setLoading(true);
    try {
      const entries = await load();
      if (entries.length === 0) throw new Error("This board has no history to replay yet.");
      const made = new ReplayPlayer(new ReplayCursor(entries), { from: viewing ?? undefined });
      made.setSpeed(speed);
      made.subscribe((s) => {
        setState(s);
        if (shown.current !== s.moment.at) {
          shown.current = s.moment.at;
          showAt(s.moment.at);
        }
      });
      player.current = made;
      setState(made.state);
      shown.current = made.state.moment.at;
      showAt(made.state.moment.at);
      setError(null);
      return made;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      setLoading(false);
    }
  };

  return {
    state,
    error,
    loading,
    speed,
    play: async () => (await ready())?.play(),
    pause: () => player.current?.pause(),
    step: async () => (await ready())?.step(),
    setSpeed: (next: ReplaySpeed) => {
      setSpeed(next);
      player.current?.setSpeed(next);
    },
  };
}
