import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InterviewRoomSchema } from "@archboard/protocol";
import type { Logger } from "../log.ts";
import { connectRaw } from "../testing/raw-client.ts";
import { element, waitFor } from "../testing/sync-clients.ts";
import { startTestServer, stubWebDist, tempDir } from "../testing/test-server.ts";
import { loadSigningKey, SECRET_FILE } from "./secret.ts";

const recordingLogger = () => {
  const warnings: string[] = [];
  const log: Logger = { info: () => {}, warn: (event) => warnings.push(event), error: () => {} };
  return { log, warnings };
};

describe("the signing secret", () => {
  const web = stubWebDist();
  const dirs: { remove: () => void }[] = [];
  const dir = () => {
    const d = tempDir("archboard-secret-");
    dirs.push(d);
    return d.path;
  };
  afterAll(() => {
    for (const d of dirs) d.remove();
    web.remove();
  });

  it("is generated once into DATA_DIR with mode 0600 and reused across restarts, so links keep working", async () => {
    // DATA_DIR does not exist yet: the server creates it.
    const dataDir = join(dir(), "data");
    const first = await startTestServer(dataDir, web.path);
    const file = join(dataDir, SECRET_FILE);
    const secret = readFileSync(file, "utf8");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const room = InterviewRoomSchema.parse(
      await (
        await fetch(`${first.httpUrl}/api/rooms`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: '{"mode":"interview"}',
        })
      ).json(),
    );
    const writer = await connectRaw(`${first.syncUrl}/${room.roomId}?token=${room.invites.candidate.token}`);
    await waitFor("synced", () => writer.synced);
    writer.doc.getMap("elements").set("kept", element("kept"));
    await waitFor("stored", async () => (await first.server.sync.store.load(room.roomId)).updates.length > 0);
    writer.destroy();
    await first.stop();

    const second = await startTestServer(dataDir, web.path);
    try {
      expect(readFileSync(file, "utf8")).toBe(secret);
      const reader = await connectRaw(`${second.syncUrl}/${room.roomId}?token=${room.invites.observer.token}`);
      await waitFor(
        "token from before the restart admitted",
        () => reader.synced && reader.doc.getMap("elements").has("kept"),
      );
      reader.destroy();
    } finally {
      await second.stop();
    }
  });

  it("tightens a secret file other users could read, with a warning", () => {
    const dataDir = dir();
    const file = join(dataDir, SECRET_FILE);
    writeFileSync(file, "f".repeat(64), { mode: 0o644 });
    chmodSync(file, 0o644);
    const { log, warnings } = recordingLogger();
    expect(Buffer.from(loadSigningKey(dataDir, undefined, log)).toString()).toBe("f".repeat(64));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
  });

  it("prefers ARCHBOARD_SECRET (no file written) and refuses an unusable file", () => {
    const dataDir = dir();
    const { log } = recordingLogger();
    expect(Buffer.from(loadSigningKey(dataDir, "e".repeat(40), log)).toString()).toBe("e".repeat(40));
    expect(existsSync(join(dataDir, SECRET_FILE))).toBe(false);
    writeFileSync(join(dataDir, SECRET_FILE), "short\n", { mode: 0o600 });
    expect(() => loadSigningKey(dataDir, undefined, log)).toThrow(/no usable secret/);
  });
});
