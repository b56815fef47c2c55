/**
 * Preloaded into a server process by `npm run soak:rooms` (`node --import`
 * this file): on a `"memory"` IPC message it runs a full garbage collection
 * and answers with the process's memory, so the soak compares live heap, not
 * garbage not yet collected. `gc` is reached through V8's flag, set here
 * before any context asks for it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** What the probe reports, in bytes. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

if (process.send) {
  process.on("message", (message) => {
    if (message !== "memory") return;
    // Twice: the first pass runs finalizers that free more on the second.
    gc();
    gc();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed, heapTotal, external, arrayBuffers } satisfies MemoryFigures });
  });
  // The probe must not keep the server alive once it is asked to stop.
  process.channel?.unref();
}
