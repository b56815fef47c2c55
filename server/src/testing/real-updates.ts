/**
 * Real Yjs updates, as clients produce them, for the update guard's tests and
 * the sync fuzzer: random concurrent edits of every shared type (maps, arrays,
 * text with formats and embeds, XML, nested types, binary and large values,
 * deletes), board edits through the `@archboard/board-sync` binding with image
 * files, whole scenes written with `writeScene`, state-as-update encodings
 * and merges of all of these.
 */
import { BoardBinding, writeScene, type FileEntry, type SceneAdapter, type SyncedElement } from "@archboard/board-sync";
import * as Y from "yjs";

/** A seeded PRNG (mulberry32), so a failing seed replays exactly. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

/** Every `update` event of `doc` from now on. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  return updates;
}

const WORDS = ["load balancer", "cache", "queue", "db", "😀 emoji", "naïve", "日本語", "", "x".repeat(300)];

/** A random JSON-ish value of the kinds Yjs encodes as `any`. */
function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 6 : 9)) {
    case 0:
      return rng.int(1_000_000) - 500_000;
    case 1:
      return rng.next() * 1e6;
    case 2:
      return rng.pick(WORDS);
    case 3:
      return rng.chance(0.5);
    case 4:
      return null;
    case 5:
      return rng.bytes(rng.int(64));
    case 6:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
    case 7:
      return Object.fromEntries(Array.from({ length: rng.int(5) }, (_, i) => [`k${i}`, randomValue(rng, depth + 1)]));
    default:
      // Yjs encodes bigints only inside objects and arrays.
      return { big: 2n ** BigInt(rng.int(60)), neg: -1n };
  }
}

/** One random edit of `doc`, on any of its shared types. */
function randomEdit(doc: Y.Doc, rng: Rng): void {
  const map = doc.getMap("m");
  const arr = doc.getArray<unknown>("a");
  const text = doc.getText("t");
  const xml = doc.getXmlFragment("x");
  switch (rng.int(12)) {
    case 0:
      map.set(`k${rng.int(20)}`, randomValue(rng));
      break;
    case 1:
      map.delete(`k${rng.int(20)}`);
      break;
    case 2: {
      const nested = new Y.Map<unknown>();
      nested.set("v", randomValue(rng));
      map.set(`n${rng.int(5)}`, nested);
      break;
    }
    case 3:
      arr.insert(
        rng.int(arr.length + 1),
        Array.from({ length: 1 + rng.int(4) }, () => randomValue(rng)),
      );
      break;
    case 4:
      if (arr.length > 0) {
        const at = rng.int(arr.length);
        arr.delete(at, 1 + rng.int(Math.min(3, arr.length - at)));
      }
      break;
    case 5:
      arr.push([new Y.Array(), new Y.Text("inner")]);
      break;
    case 6: {
      const word = rng.pick(WORDS) || "w";
      text.insert(rng.int(text.length + 1), word, rng.chance(0.3) ? { bold: true, color: "#f00" } : undefined);
      break;
    }
    case 7:
      if (text.length > 1) {
        const at = rng.int(text.length - 1);
        if (rng.chance(0.5)) text.delete(at, 1 + rng.int(Math.min(5, text.length - at)));
        else text.format(at, 1 + rng.int(text.length - at), { italic: rng.chance(0.5) ? true : null });
      }
      break;
    case 8:
      text.insertEmbed(rng.int(text.length + 1), { image: rng.pick(WORDS), size: [rng.int(100), rng.int(100)] });
      break;
    case 9: {
      const el = new Y.XmlElement(rng.pick(["p", "div", "span"]));
      el.setAttribute("class", rng.pick(WORDS));
      el.insert(0, [new Y.XmlText(rng.pick(WORDS) || "t")]);
      // A hook is an XML node too, though Yjs's types leave it out of insert's signature.
      xml.insert(rng.int(xml.length + 1), [el, new Y.XmlHook("hook") as unknown as Y.XmlElement]);
      break;
    }
    case 10:
      if (xml.length > 0) xml.delete(rng.int(xml.length), 1);
      break;
    default:
      // A large value: a 64–256 KiB string or buffer, like a pasted image.
      map.set("big", rng.chance(0.5) ? "i".repeat(65_536 + rng.int(196_608)) : rng.bytes(65_536 + rng.int(196_608)));
  }
}

/**
 * Updates from `peers` documents editing concurrently for `rounds` rounds and
 * exchanging their updates now and then, so later updates refer to other
 * clients' structs and carry delete sets for them. Includes every `update`
 * event, each peer's full state, diffs against the others' state vectors and
 * merges of runs of events.
 */
export function concurrentEditUpdates(seed: number, rounds = 60, peers = 3): Uint8Array[] {
  const rng = new Rng(seed);
  const docs = Array.from({ length: peers }, () => new Y.Doc());
  const logs = docs.map(recordUpdates);
  const out: Uint8Array[] = [];
  for (let round = 0; round < rounds; round++) {
    const doc = rng.pick(docs);
    const edits = 1 + rng.int(3);
    doc.transact(() => {
      for (let i = 0; i < edits; i++) randomEdit(doc, rng);
    });
    if (rng.chance(0.3)) {
      const [from, to] = [rng.pick(docs), rng.pick(docs)];
      if (from !== to) {
        out.push(Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        Y.applyUpdate(to, out[out.length - 1] as Uint8Array, "peer");
      }
    }
  }
  for (const [i, doc] of docs.entries()) {
    const log = logs[i] as Uint8Array[];
    out.push(...log, Y.encodeStateAsUpdate(doc));
    if (log.length > 1) out.push(Y.mergeUpdates(log.slice(0, 1 + rng.int(log.length))));
  }
  for (const doc of docs) doc.destroy();
  return out;
}

/** A minimal editor scene for the binding: an array the test edits. */
class ArrayScene implements SceneAdapter {
  elements: SyncedElement[] = [];
  getElementsIncludingDeleted = () => this.elements;
  getEditingIds = () => new Set<string>();
  applyRemote = (elements: SyncedElement[]) => void (this.elements = elements);
  addFiles = () => {};
}

type Element = { -readonly [K in keyof SyncedElement]: SyncedElement[K] } & Record<string, unknown>;

const shape = (rng: Rng, i: number): Element => ({
  id: `el${i}`,
  type: rng.pick(["rectangle", "ellipse", "arrow", "text"]),
  version: 1,
  versionNonce: rng.int(2 ** 31),
  index: `a${i.toString(36).padStart(4, "0")}`,
  isDeleted: false,
  x: rng.int(2000),
  y: rng.int(2000),
  width: 10 + rng.int(300),
  height: 10 + rng.int(300),
  points: [
    [0, 0],
    [rng.int(200), rng.int(200)],
  ],
  boundElements: [{ id: `el${i + 1}`, type: "arrow" }],
  text: rng.pick(WORDS),
  customData: { kind: rng.pick(["service", "cache", "queue"]) },
});

/** A data URL of `bytes` bytes, like an image pasted into a board. */
export const imageFile = (rng: Rng, id: string, bytes: number): FileEntry => ({
  id,
  mimeType: "image/png",
  dataURL: `data:image/png;base64,${Buffer.from(rng.bytes(bytes)).toString("base64")}`,
  created: 1_700_000_000_000 + rng.int(1e9),
});

/**
 * Updates from two bound boards editing a scene as the app does: elements
 * added, moved, relabelled and deleted (tombstones), image files added, the
 * other board receiving every update.
 */
export function bindingUpdates(seed: number, steps = 40): Uint8Array[] {
  const rng = new Rng(seed);
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const out = recordUpdates(docA);
  docA.on("update", (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(docB, u, "peer"));
  const scene = new ArrayScene();
  const binding = new BoardBinding(docA, scene);
  const peer = new BoardBinding(docB, new ArrayScene());
  let next = 0;
  for (let step = 0; step < steps; step++) {
    const els = scene.elements.map((e): Element => ({ ...e }));
    const action = els.length === 0 ? 0 : rng.int(4);
    if (action === 0) for (let i = 0; i < 1 + rng.int(5); i++) els.push(shape(rng, next++));
    else {
      const el = rng.pick(els);
      if (action === 1) Object.assign(el, { x: rng.int(2000), y: rng.int(2000) });
      else if (action === 2) el.text = rng.pick(WORDS);
      else el.isDeleted = true;
      Object.assign(el, { version: el.version + 1, versionNonce: rng.int(2 ** 31) });
    }
    const files = rng.chance(0.1)
      ? { [`file${step}`]: imageFile(rng, `file${step}`, 1024 + rng.int(200_000)) }
      : undefined;
    scene.elements = els;
    binding.pushLocal(els, files);
  }
  out.push(Y.encodeStateAsUpdate(docA));
  binding.destroy();
  peer.destroy();
  docA.destroy();
  docB.destroy();
  return out;
}

/** The update a board seeded from `scene` (an `.excalidraw` file's content) sends first. */
export function sceneUpdate(scene: { elements: SyncedElement[]; files?: Record<string, FileEntry> }): Uint8Array {
  const doc = new Y.Doc();
  writeScene(doc, scene.elements, scene.files ?? {});
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
