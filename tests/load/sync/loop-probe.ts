/**
 * Preloaded into a server process by `npm run fuzz:sync` (`node --import` this
 * file): measures the event loop with `monitorEventLoopDelay` and answers
 * `"loop-delay"` IPC messages with the figures since the previous answer, so
 * the fuzzer can attribute a stall to the frames it sent in that window, and
 * takes a CPU profile of the main thread on request (see the message handler).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** What the probe reports, in milliseconds. */
export interface LoopDelay {
  /** Longest event-loop delay (`monitorEventLoopDelay`): wall time, so it includes time the OS gave other processes. */
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  samples: number;
  /**
   * Most CPU time the process used between two consecutive 5 ms ticks: how
   * long the loop was really held, apart from time it waited for a core.
   */
  maxBusyMs: number;
}

/** Tracks the CPU time used between consecutive ticks of a 5 ms timer. */
function busyMeter(): { take: () => number } {
  let last = process.cpuUsage();
  let max = 0;
  setInterval(() => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    max = Math.max(max, (used.user + used.system) / 1000);
  }, 5).unref();
  return {
    take() {
      const m = max;
      max = 0;
      return m;
    },
  };
}

if (process.send) {
  // 2 ms resolution: a stall shows up as one sample of about its length.
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  histogram.enable();
  const busy = busyMeter();
  let session: Session | null = null;
  process.on("message", (message) => {
    // `{ profile: "start" }` / `{ profile: "<file>.cpuprofile" }`: a CPU profile of the server's main thread.
    const profile = (message as { profile?: string } | null)?.profile;
    if (profile === "start") {
      session = new Session();
      session.connect();
      session.post("Profiler.enable", () => session?.post("Profiler.start"));
      return;
    }
    if (profile) {
      session?.post("Profiler.stop", (err, result) => {
        if (!err) writeFileSync(profile, JSON.stringify(result.profile));
        session?.disconnect();
        session = null;
        process.send?.({ profiled: profile });
      });
      return;
    }
    if (message !== "loop-delay") return;
    const figures: LoopDelay = {
      maxMs: histogram.max / 1e6,
      p99Ms: histogram.percentile(99) / 1e6,
      meanMs: histogram.mean / 1e6,
      samples: histogram.count,
      maxBusyMs: busy.take(),
    };
    histogram.reset();
    process.send?.(figures);
  });
  // The probe must not keep the server alive once it is asked to stop.
  process.channel?.unref();
}
