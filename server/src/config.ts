import { resolve } from "node:path";
import { z } from "zod";

/** Server configuration, read from the environment once at start-up. */
export const ConfigSchema = z.object({
  /** TCP port for HTTP and (later) WebSocket sync. 0 picks a free port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to bind; loopback-only deployments set 127.0.0.1. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Where server-side state lives (room documents, signing secret). */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Directory holding the built web app (index.html + assets). */
  WEB_DIST: z.string().min(1).optional(),
  /** `json` for machine-readable logs, `pretty` for humans, `silent` in tests. */
  LOG_FORMAT: z.enum(["json", "pretty", "silent"]).default("json"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  webDist: string;
  logFormat: "json" | "pretty" | "silent";
}

const defaultWebDist = resolve(import.meta.dirname, "../../apps/web/dist");

/**
 * Parses environment variables into a config, throwing a readable error that
 * names each bad variable (the process prints it and exits non-zero).
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    webDist: resolve(c.WEB_DIST ?? defaultWebDist),
    logFormat: c.LOG_FORMAT,
  };
}
