/**
 * A server process with the event-loop probe preloaded (`loop-probe.ts`),
 * started through the shared child-server launcher.
 */
import { startChildServer, type ChildServer, type ChildServerOptions } from "@archboard/server/testing/child-server";
import type { LoopDelay } from "./loop-probe.ts";

export interface ProbedServer extends ChildServer {
  /** The loop delay since the previous call (or since start). */
  loopDelay: () => Promise<LoopDelay>;
  /** Starts a CPU profile of the server's main thread. */
  startProfile: () => void;
  /** Stops it and writes it to `file` (open it in Chrome DevTools). */
  stopProfile: (file: string) => Promise<void>;
}

/** Resolves with the first IPC message `pick` accepts. */
function reply<T>(server: ChildServer, pick: (m: unknown) => T | undefined, what: string): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`the loop probe sent no ${what} in 60 s`));
    }, 60_000);
    const stop = server.onMessage((m) => {
      const value = pick(m);
      if (value === undefined) return;
      clearTimeout(timer);
      stop();
      done(value);
    });
  });
}

export async function startProbedServer(opts: ChildServerOptions): Promise<ProbedServer> {
  const server = await startChildServer({
    ...opts,
    preload: ["tests/load/sync/loop-probe.ts", ...(opts.preload ?? [])],
  });
  return {
    ...server,
    loopDelay: () => {
      const answer = reply(
        server,
        (m) => (typeof (m as LoopDelay).maxMs === "number" ? (m as LoopDelay) : undefined),
        "loop delay",
      );
      server.send("loop-delay");
      return answer;
    },
    startProfile: () => server.send({ profile: "start" }),
    stopProfile: async (file) => {
      const answer = reply(
        server,
        (m) => ((m as { profiled?: string }).profiled === file ? true : undefined),
        "profile",
      );
      server.send({ profile: file });
      await answer;
    },
  };
}
