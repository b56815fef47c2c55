import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diagramSet } from "@archboard/diagram-lint/testing/corpus";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { craftedUpdate, fuzzFrames } from "../testing/frame-fuzz.ts";
import { bindingUpdates, concurrentEditUpdates, imageFile, Rng, sceneUpdate } from "../testing/real-updates.ts";
import { decodeMessage } from "./protocol.ts";
import { checkUpdate } from "./update-guard.ts";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s/g, ""), "hex"));

/** Yjs's own reader (structs and delete set, nothing applied): does it get through? */
const yjsReads = (update: Uint8Array): boolean => {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
};

describe("update guard", () => {
  it("accepts every update real documents produce, and those updates rebuild the document", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const updates = [...concurrentEditUpdates(seed), ...bindingUpdates(seed)];
      for (const u of updates) {
        const verdict = checkUpdate(u);
        if (!verdict.ok) throw new Error(`seed ${seed}: real update of ${u.length} bytes refused: ${verdict.reason}`);
      }
    }
    // Order-independent: a document rebuilt from every update of a run matches the merged one.
    const updates = concurrentEditUpdates(99, 120);
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    const merged = Y.mergeUpdates(updates);
    expect(checkUpdate(merged).ok).toBe(true);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, merged);
    expect(rebuilt.getMap("m").toJSON()).toEqual(doc.getMap("m").toJSON());
    expect(rebuilt.getText("t").toDelta()).toEqual(doc.getText("t").toDelta());
  });

  it("accepts every real diagram written into a board, images included", () => {
    const set = diagramSet();
    let withFiles = 0;
    for (const file of set.files) {
      const scene = JSON.parse(readFileSync(join(set.dir, file), "utf8"));
      if (Object.keys(scene.files ?? {}).length > 0) withFiles++;
      const verdict = checkUpdate(sceneUpdate(scene));
      if (!verdict.ok) throw new Error(`${file} (${set.description}): ${verdict.reason}`);
    }
    expect(withFiles).toBeGreaterThan(0);
  });

  it("accepts a board with large images written as the app writes a scene", () => {
    const rng = new Rng(7);
    const elements = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      type: "image",
      version: 1,
      versionNonce: i,
      index: `a${i.toString(36).padStart(3, "0")}`,
      fileId: `f${i % 8}`,
      points: [[0, 0]],
    }));
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, imageFile(rng, `f${i}`, 400_000)]));
    const u = sceneUpdate({ elements, files });
    expect(u.length).toBeGreaterThan(3_000_000);
    expect(checkUpdate(u)).toMatchObject({ ok: true, clients: 1 });
  });

  it("refuses counts the bytes cannot hold, before anything is allocated", () => {
    // One client claiming 33,554,431 structs in a 7-byte update.
    expect(checkUpdate(hex("01 ffffff0f 01 00"))).toEqual({
      ok: false,
      reason: "33554431 structs cannot fit in the 2 bytes left",
    });
    // Delete set claiming 2^32-1 ranges for one client.
    expect(checkUpdate(hex("00 01 05 ffffffff0f 00 01"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("delete ranges cannot fit"),
    });
    // Millions of clients.
    expect(checkUpdate(hex("ffffff0f 01 05 00"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("clients cannot fit"),
    });
  });

  it("refuses what Yjs never writes: overlapping deletes, repeated clients, subdocuments, deep values, trailing bytes", () => {
    const rng = new Rng(3);
    const reasons = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const verdict = checkUpdate(craftedUpdate(rng));
      if (verdict.ok) throw new Error("a crafted update was accepted");
      reasons.add(verdict.reason.replace(/\d+/g, "N"));
    }
    expect([...reasons].sort()).toEqual(
      [
        "N array entries cannot fit in the N bytes left",
        "N clients cannot fit in the N bytes left",
        "N delete ranges cannot fit in the N bytes left",
        "N structs cannot fit in the N bytes left",
        "a N-byte field runs past the end",
        "client N appears twice among the structs",
        "clock beyond N^N",
        "delete ranges of client N overlap or are out of order",
        "subdocuments are not accepted",
        "truncated or oversized field at byte N",
        "value nested deeper than N",
      ].sort(),
    );
    const real = concurrentEditUpdates(5, 10)[0] as Uint8Array;
    expect(checkUpdate(Uint8Array.from([...real, 0]))).toMatchObject({
      ok: false,
      reason: "1 bytes after the delete set",
    });
  });

  it("refuses every cut of a real update", () => {
    for (const u of bindingUpdates(11, 10).slice(0, 5)) {
      for (let len = 0; len < u.length; len += Math.max(1, Math.floor(u.length / 500))) {
        expect(checkUpdate(u.subarray(0, len)).ok).toBe(false);
      }
    }
  });

  it("fuzz: 100,000 mutated, crafted and random frames; it refuses all Yjs cannot read, and what it accepts applies", () => {
    let frames = 0;
    let updates = 0;
    let accepted = 0;
    let applied = 0;
    let unreadable = 0;
    for (const { frame } of fuzzFrames(20240611)) {
      if (++frames > 100_000) break;
      let msg;
      try {
        msg = decodeMessage(frame);
      } catch {
        continue;
      }
      if (msg.type !== "update" && msg.type !== "sync-step2") continue;
      updates++;
      const ok = checkUpdate(msg.update).ok;
      if (ok) accepted++;
      // Yjs's reader on every accepted update and on a sample of refused ones.
      if (ok || updates % 8 === 0) {
        const readable = yjsReads(msg.update);
        if (ok && !readable)
          throw new Error(`accepted an update Yjs cannot read: ${Buffer.from(msg.update).toString("hex")}`);
        if (!readable) unreadable++;
      }
      if (ok && accepted % 10 === 0) {
        // Applied to a fresh document, it leaves one that still encodes and round-trips.
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, msg.update);
          applied++;
        } catch {
          // Well formed, yet refers to what this document lacks in a way Yjs refuses.
        }
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
        doc.destroy();
        copy.destroy();
      }
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(applied).toBeGreaterThan(100);
    expect(unreadable).toBeGreaterThan(1000);
  });
});
