import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../log.ts";

/** The file in `DATA_DIR` that holds the generated signing secret. */
export const SECRET_FILE = "secret.key";

const MIN_SECRET_LENGTH = 32;

/**
 * The key that signs and verifies invite tokens (HS256).
 *
 * `ARCHBOARD_SECRET` wins when set. Otherwise `DATA_DIR/secret.key` is used,
 * created on first start with 32 random bytes written as 64 hex characters
 * and mode 0600, and read again on every later start so links stay valid
 * across restarts. Both are used the same way (the text's UTF-8 bytes), so an
 * operator can move the file's content into `ARCHBOARD_SECRET` without
 * invalidating a single link.
 */
export function loadSigningKey(dataDir: string, envSecret: string | undefined, log: Logger): Uint8Array {
  if (envSecret !== undefined) return new TextEncoder().encode(envSecret);
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, SECRET_FILE);
  if (createSecretFile(path)) log.info("signing secret created", { path });

  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    log.warn("signing secret was readable by other users; restricting it to 0600", { path, mode: mode.toString(8) });
    chmodSync(path, 0o600);
  }
  const text = readFileSync(path, "utf8").trim();
  if (text.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${path} holds no usable secret (fewer than ${MIN_SECRET_LENGTH} characters): delete it to generate a new one, or set ARCHBOARD_SECRET.`,
    );
  }
  return new TextEncoder().encode(text);
}

/**
 * Writes a fresh secret to `path` unless one is there; true when it wrote.
 * The secret is written to a private temp file first and then hard-linked
 * into place: the link either appears complete or fails with EEXIST, so two
 * processes starting on one data directory agree on one secret and neither
 * reads a half-written file.
 */
function createSecretFile(path: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}
