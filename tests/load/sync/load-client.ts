/**
 * One load-generator process for `npm run bench:sync`, started by the
 * orchestrator with `fork`. It opens `rooms` rooms × 2 stock y-websocket
 * clients against one server and, once told to, makes each client edit an
 * element twice a second and move its cursor twenty times a second.
 *
 * Latency is one-way, sender to the other client in the room. Both clients of
 * a room live in this process, so one clock (`performance.now()`) stamps the
 * send and the arrival. Messages (parent ⇄ child): `{ready}` after every
 * client synced → `{start, seconds, warmupSeconds}` → `{result}` → exit.
 */
import { WebsocketProvider } from "y-websocket";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { newHistogram, record, type LatencyHistogram } from "./latency.ts";

export interface LoadClientConfig {
  syncUrl: string;
  roomPrefix: string;
  firstRoom: number;
  rooms: number;
}

export interface LoadClientResult {
  edits: LatencyHistogram;
  cursors: LatencyHistogram;
  editsSent: number;
  cursorsSent: number;
  /** This process's own event-loop lag while measuring: high values mean the generator, not the server, was the bottleneck. */
  ownLag: LatencyHistogram;
  disconnects: number;
}

const EDITS_PER_SECOND = 2;
const CURSORS_PER_SECOND = 20;
const ELEMENTS_PER_CLIENT = 20;

type Client = { doc: Y.Doc; provider: WebsocketProvider; timers: NodeJS.Timeout[]; version: number };

// Every provider adds a process "exit" listener; hundreds are expected here.
process.setMaxListeners(0);
const config = JSON.parse(process.argv[2] ?? "{}") as LoadClientConfig;
const clients: Client[] = [];
let recording = false;
const live = {
  edits: newHistogram(),
  cursors: newHistogram(),
  ownLag: newHistogram(),
  editsSent: 0,
  cursorsSent: 0,
  disconnects: 0,
};

function connect(room: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(config.syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on("status", ({ status }) => {
    if (status === "disconnected") live.disconnects++;
  });
  // Arrivals: a remote transaction carries the provider as origin.
  doc.getMap("elements").observe((event) => {
    if (event.transaction.origin !== provider || !recording) return;
    const now = performance.now();
    for (const key of event.keysChanged as Set<string>) {
      const el = doc.getMap("elements").get(key) as { sentAt?: number } | undefined;
      if (el?.sentAt !== undefined) record(live.edits, now - el.sentAt);
    }
  });
  provider.awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin === "local" || !recording) return;
    const now = performance.now();
    for (const id of [...added, ...updated]) {
      if (id === doc.clientID) continue;
      const t = (provider.awareness.getStates().get(id) as { pointer?: { t: number } } | undefined)?.pointer?.t;
      if (t !== undefined) record(live.cursors, now - t);
    }
  });
  return { doc, provider, timers: [], version: 0 };
}

function startLoad(client: Client, index: number): void {
  const elements = client.doc.getMap("elements");
  const edit = () => {
    const n = client.version++;
    const id = `c${index}-e${n % ELEMENTS_PER_CLIENT}`;
    elements.set(id, {
      id,
      type: "rectangle",
      x: (n * 37) % 2000,
      y: (n * 53) % 1200,
      width: 180,
      height: 90,
      angle: 0,
      strokeColor: "#1e1e1e",
      backgroundColor: "#a5d8ff",
      version: n + 1,
      versionNonce: (n * 2654435761) % 2 ** 31,
      isDeleted: false,
      updated: Date.now(),
      sentAt: performance.now(),
    });
    if (recording) live.editsSent++;
  };
  const move = () => {
    const t = performance.now();
    client.provider.awareness.setLocalStateField("pointer", { x: t % 1000, y: (t * 7) % 700, tool: "pointer", t });
    if (recording) live.cursorsSent++;
  };
  // Random phases spread the clients' ticks instead of firing them all at once.
  const phase = (period: number, fn: () => void) =>
    setTimeout(() => client.timers.push(setInterval(fn, period)), Math.random() * period);
  client.timers.push(phase(1000 / EDITS_PER_SECOND, edit), phase(1000 / CURSORS_PER_SECOND, move));
}

async function waitAllSynced(batch: Client[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (batch.some((c) => !c.provider.synced)) {
    if (Date.now() > deadline) throw new Error("clients did not sync in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  // Connect in batches, as users trickle in, rather than 1,000 handshakes at once.
  for (let r = 0; r < config.rooms; r += 50) {
    const batch: Client[] = [];
    for (let i = r; i < Math.min(config.rooms, r + 50); i++) {
      const room = `${config.roomPrefix}${String(config.firstRoom + i).padStart(6, "0")}`;
      batch.push(connect(room), connect(room));
    }
    clients.push(...batch);
    await waitAllSynced(batch, 30_000);
  }
  process.send?.({ ready: true });

  const start = await new Promise<{ seconds: number; warmupSeconds: number }>((resolve) =>
    process.once("message", (m: { start: { seconds: number; warmupSeconds: number } }) => resolve(m.start)),
  );
  clients.forEach((c, i) => startLoad(c, i));
  await new Promise((r) => setTimeout(r, start.warmupSeconds * 1000));
  live.disconnects = 0;
  recording = true;
  let last = performance.now();
  const lagTimer = setInterval(() => {
    const now = performance.now();
    record(live.ownLag, Math.max(0, now - last - 20));
    last = now;
  }, 20);
  await new Promise((r) => setTimeout(r, start.seconds * 1000));
  for (const c of clients) for (const t of c.timers) clearInterval(t);
  // Let in-flight messages land before the books close.
  await new Promise((r) => setTimeout(r, 500));
  recording = false;
  clearInterval(lagTimer);
  const result: LoadClientResult = {
    edits: live.edits,
    cursors: live.cursors,
    ownLag: live.ownLag,
    editsSent: live.editsSent,
    cursorsSent: live.cursorsSent,
    disconnects: live.disconnects,
  };
  process.send?.({ result });
  await new Promise((r) => process.once("message", r));
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  // Give the close frames a moment to leave before exiting.
  setTimeout(() => process.exit(0), 300);
}

main().catch((err: unknown) => {
  process.stderr.write(`load client: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
