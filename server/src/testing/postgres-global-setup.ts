/**
 * Global setup of the `server-pg` test project: one PostgreSQL for the
 * whole run, stopped at its end. When it cannot start (binaries missing),
 * the reason is handed to the tests, which fail with it; the SQLite
 * projects run regardless.
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres.ts";

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  try {
    const cluster = await startPostgres();
    project.provide("archboardPostgres", { url: cluster.url });
    return () => cluster.destroy();
  } catch (err) {
    project.provide("archboardPostgres", { error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
