import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from "./protocol.ts";

describe("sync wire protocol", () => {
  it("encodes byte for byte what y-protocols writes", () => {
    const doc = new Y.Doc();
    doc.getMap("elements").set("a", { id: "a" });
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    const reference = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      write(e);
      return encoding.toUint8Array(e);
    };
    expect(encodeSyncStep1(sv)).toEqual(reference((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(encodeSyncStep2(update)).toEqual(reference((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(encodeUpdate(update)).toEqual(reference((e) => syncProtocol.writeUpdate(e, update)));
    const aw = encodeAwareness(Uint8Array.of(9, 9));
    const d = decoding.createDecoder(aw);
    expect([decoding.readVarUint(d), [...decoding.readVarUint8Array(d)]]).toEqual([1, [9, 9]]);
  });

  it("decodes each message kind and ignores unknown types", () => {
    const update = Uint8Array.of(1, 2, 3);
    expect(decodeMessage(encodeSyncStep1(update))).toEqual({ type: "sync-step1", stateVector: update });
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ type: "sync-step2", update });
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: "update", update });
    expect(decodeMessage(encodeAwareness(update))).toEqual({ type: "awareness", update });
    expect(decodeMessage(Uint8Array.of(3))).toEqual({ type: "query-awareness" });
    expect(decodeMessage(Uint8Array.of(2, 0, 5))).toEqual({ type: "ignored", messageType: 2 });
    expect(decodeMessage(Uint8Array.of(0x80, 0x01))).toEqual({ type: "ignored", messageType: 128 });
    expect(decodeMessage(Uint8Array.of(0, 7, 1))).toEqual({ type: "ignored", messageType: 0 });
  });

  it("reports truncated or overlong frames as MalformedMessageError", () => {
    for (const bad of [
      [],
      [0],
      [0, 2],
      [0, 2, 5, 1, 2],
      [1, 0xff],
      [0x80],
      [0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
    ]) {
      expect(() => decodeMessage(Uint8Array.from(bad))).toThrow(MalformedMessageError);
    }
  });

  it("never throws anything but MalformedMessageError on random frames", () => {
    for (let i = 0; i < 20_000; i++) {
      const frame = randomBytes(1 + (i % 40));
      if (i % 2 === 0) frame[0] = i % 4 === 0 ? 0 : 1;
      try {
        decodeMessage(frame);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedMessageError);
      }
    }
  });
});
