import { rmSync } from "node:fs";

/** Stop, start again and destroy, for a throwaway server kept in one folder. */
export interface Lifecycle {
  /** Stops the server, keeping its folder and port. Does nothing when it is not running. */
  stop: () => Promise<void>;
  /** Starts it again on the same port. Does nothing when it runs or was destroyed. */
  start: () => Promise<void>;
  /** Stops it and deletes its folder. Safe to call more than once. */
  destroy: () => Promise<void>;
}

/**
 * The guards every throwaway server (PostgreSQL, Redis) needs around its own
 * start and stop commands: no double start or stop, nothing after destroy,
 * and the folder deleted even when stopping fails.
 */
export function lifecycle(
  dir: string,
  server: { start: () => Promise<void>; stop: () => Promise<void>; running: () => boolean | Promise<boolean> },
): Lifecycle {
  let destroyed = false;
  const stop = async () => {
    if (await server.running()) await server.stop();
  };
  return {
    stop,
    start: async () => {
      if (destroyed || (await server.running())) return;
      await server.start();
    },
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      try {
        await stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
