/**
 * Benchmark of @archboard/board-sync on a 5,000-element board (rectangles with
 * bound text, arrows between them). Prints figures; never fails on timing.
 *
 *   npm run bench:binding
 *
 * (a) one remote element change: from the Yjs map event to the array handed to
 *     applyRemote, i.e. the binding's own work on the receiving side;
 * (b) initial load: decode the board's encoded state into a fresh Y.Doc + readScene.
 */
import { elementFactory, indexKey, mulberry32, randomInteger, type ElementRecord } from "@archboard/scene";
import * as Y from "yjs";
import {
  BoardBinding,
  ELEMENTS_KEY,
  readScene,
  writeScene,
  type FileEntry,
  type SceneAdapter,
  type SyncedElement,
} from "@archboard/board-sync";

type Element = SyncedElement & Record<string, unknown> & { x: number; version: number; versionNonce: number };

const BOXES = 2000;
const ARROWS = 1000;
const REMOTE_RUNS = 1000;
const LOAD_RUNS = 15;

const random = mulberry32(42);
const nonce = (): number => randomInteger(random);
const make = elementFactory({ random, now: () => 1_700_000_000_000 });

/** Rectangles with a bound label each, and arrows bound between random pairs. */
function buildBoard(): Element[] {
  const boxes: ElementRecord[] = [];
  const drawn: ElementRecord[] = [];
  for (let i = 0; i < BOXES; i++) {
    const box = make.rectangle(
      { x: (i % 50) * 300, y: Math.floor(i / 50) * 200, width: 220, height: 100 },
      { id: `box-${i}`, backgroundColor: "#a5d8ff" },
    );
    boxes.push(box);
    drawn.push(box, make.boundLabel(box, `Service ${i}`, { id: `label-${i}` }));
  }
  for (let a = 0; a < ARROWS; a++) {
    const from = boxes[Math.floor(random() * BOXES)]!,
      to = boxes[Math.floor(random() * BOXES)]!;
    const at = { x: from["x"] as number, y: from["y"] as number };
    const arrow = make.arrow([at, { x: at.x + 120, y: at.y + 40 }, { x: at.x + 240, y: at.y + 80 }], {
      id: `arrow-${a}`,
      startBinding: { elementId: from.id, focus: 0, gap: 4 },
      endBinding: { elementId: to.id, focus: 0, gap: 4 },
    });
    for (const end of [from, to])
      end["boundElements"] = [...((end["boundElements"] as object[] | null) ?? []), { type: "arrow", id: arrow.id }];
    drawn.push(arrow);
  }
  // Boards that have been edited for a while: versions spread out.
  return drawn.map((element, i) => ({
    ...element,
    version: 1 + Math.floor(random() * 40),
    index: indexKey(i),
  })) as unknown as Element[];
}

/** The app's adapter in miniature: an array that applyRemote replaces. */
class ArrayScene implements SceneAdapter<Element> {
  onApply: (elements: Element[]) => void = () => {};
  constructor(public elements: Element[]) {}
  getElementsIncludingDeleted = () => this.elements;
  getEditingIds = () => new Set<string>();
  applyRemote(elements: Element[]): void {
    this.onApply(elements);
    this.elements = elements;
  }
  addFiles(_files: FileEntry[]): void {}
}

const stats = (samples: number[]) => {
  const sorted = samples.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
};
const ms = (value: number) => `${value.toFixed(3)} ms`;

const board = buildBoard();
const source = new Y.Doc();
writeScene(source, board);
const encoded = Y.encodeStateAsUpdate(source);
const count = board.length;

// (b) initial load
const loads: number[] = [];
for (let run = 0; run < LOAD_RUNS; run++) {
  const start = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encoded);
  const scene = readScene<Element>(doc);
  loads.push(performance.now() - start);
  if (scene.elements.length !== count) throw new Error("load lost elements");
}

// (a) remote change: peer A edits one element, peer B receives the update.
const docA = new Y.Doc();
const docB = new Y.Doc();
Y.applyUpdate(docA, encoded);
Y.applyUpdate(docB, encoded);
const sceneA = new ArrayScene(readScene<Element>(docA).elements);
const sceneB = new ArrayScene(readScene<Element>(docB).elements);
// Observers run in registration order: this one marks the moment the map event fires.
let eventAt = 0;
docB.getMap(ELEMENTS_KEY).observe(() => {
  eventAt = performance.now();
});
const bindStart = performance.now();
const bindingB = new BoardBinding(docB, sceneB);
const bindTime = performance.now() - bindStart;
const bindingA = new BoardBinding(docA, sceneA);

let updates: Uint8Array[] = [];
docA.on("update", (update: Uint8Array) => updates.push(update));

const remote: number[] = [];
const total: number[] = [];
const pushChanged: number[] = [];
const pushEcho: number[] = [];
let readyAt = 0;
sceneB.onApply = () => {
  readyAt = performance.now();
};
for (let run = 0; run < REMOTE_RUNS + 50; run++) {
  const at = Math.floor(random() * count);
  const current = sceneA.elements[at] as Element;
  const next = { ...current, x: current.x + 1, version: current.version + 1, versionNonce: nonce() };
  sceneA.elements = sceneA.elements.slice();
  sceneA.elements[at] = next;
  updates = [];
  const pushStart = performance.now();
  bindingA.pushLocal(sceneA.elements);
  const pushEnd = performance.now();
  const update = updates[0];
  if (update === undefined || updates.length !== 1) throw new Error("expected one update per change");
  const applyStart = performance.now();
  Y.applyUpdate(docB, update, "network");
  if (run < 50) continue; // warm-up
  remote.push(readyAt - eventAt);
  total.push(readyAt - applyStart);
  pushChanged.push(pushEnd - pushStart);
  const echoStart = performance.now();
  bindingB.pushLocal(sceneB.elements); // Excalidraw's onChange after applyRemote
  pushEcho.push(performance.now() - echoStart);
}
if (sceneB.elements.length !== count) throw new Error("remote changes lost elements");

const a = stats(remote);
const t = stats(total);
const l = stats(loads);
const p = stats(pushChanged);
const e = stats(pushEcho);
console.log(
  `board-sync binding benchmark: ${count} elements (${BOXES} rectangles, ${BOXES} bound texts, ${ARROWS} arrows)`,
);
console.log(
  `(a) remote change, Yjs event -> applyRemote input: median ${ms(a.median)}, p95 ${ms(a.p95)} (${REMOTE_RUNS} runs)`,
);
console.log(`    incl. decoding the update (applyUpdate -> applyRemote): median ${ms(t.median)}, p95 ${ms(t.p95)}`);
console.log(`    local edit, pushLocal of one changed element: median ${ms(p.median)}, p95 ${ms(p.p95)}`);
console.log(`    echo, pushLocal after applyRemote (writes nothing): median ${ms(e.median)}, p95 ${ms(e.p95)}`);
console.log(
  `(b) initial load, encoded update (${(encoded.length / 1024).toFixed(0)} KiB) -> Y.Doc -> readScene: median ${ms(l.median)}, p95 ${ms(l.p95)} (${LOAD_RUNS} runs)`,
);
console.log(`    binding construction on a matching scene: ${ms(bindTime)}`);
bindingA.destroy();
bindingB.destroy();
