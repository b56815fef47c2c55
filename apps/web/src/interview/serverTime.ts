import { create } from "zustand";
import { z } from "zod";

const TimeSchema = z.object({ now: z.number().finite() });

interface ServerTimeState {
  /** serverTime ≈ Date.now() + offsetMs */
  offsetMs: number;
  /** Round trip of the best sample, i.e. the uncertainty of the offset. */
  rttMs: number | null;
}

export const useServerTime = create<ServerTimeState>()(() => ({ offsetMs: 0, rttMs: null }));

/** Current time on the server's clock, in ms. */
export const serverNow = () => Date.now() + useServerTime.getState().offsetMs;

/**
 * Estimates this machine's clock offset to the server (NTP-style: the
 * server's time is taken to be at the midpoint of the round trip; the
 * sample with the shortest round trip wins). The interview clock stores
 * server times, so a skewed laptop clock still shows the right phase.
 */
export async function syncServerTime(samples = 3): Promise<void> {
  let best: { offset: number; rtt: number } | null = null;
  for (let i = 0; i < samples; i++) {
    try {
      const t0 = Date.now();
      const response = await fetch("/api/time", { cache: "no-store" });
      const t1 = Date.now();
      const parsed = TimeSchema.safeParse(await response.json());
      if (!parsed.success) continue;
      const rtt = t1 - t0;
      const offset = parsed.data.now - (t0 + t1) / 2;
      if (!best || rtt < best.rtt) best = { offset, rtt };
    } catch {
      // Offline: keep the last estimate; the clock still runs on it.
    }
  }
  if (best) useServerTime.setState({ offsetMs: Math.round(best.offset), rttMs: best.rtt });
}
