/**
 * One load-generator process for `npm run bench:sync`, started by the
 * orchestrator with `fork`. It opens `rooms` rooms × `clientsPerRoom` clients
 * against one server and, once told to, makes each client edit an element
 * `editsPerSecond` times a second and move its cursor `cursorsPerSecond`
 * times a second.
 *
 * Latency is one-way, sender to each other client in the room. All clients of
 * a room live in this process, so one clock (`performance.now()`) stamps the
 * send and the arrival. The process also measures itself over the measured
 * window (CPU time and how late a 20 ms timer fires): a busy generator delays
 * the arrivals it stamps, so these say whether a figure is the server's.
 * Messages (parent ⇄ child): `{ready}` after every client synced →
 * `{start, seconds, warmupSeconds}` → `{result}` → `{stop}` → exit.
 */
import * as Y from "yjs";
import { newHistogram, record, type LatencyHistogram } from "./latency.ts";
import { connectClient, type ClientProtocol, type SyncClient } from "./providers.ts";

export interface LoadClientConfig {
  protocol: ClientProtocol;
  /** y-websocket: the server's sync base URL; Hocuspocus: its WebSocket URL. */
  syncUrl: string;
  roomPrefix: string;
  firstRoom: number;
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
  cursorsPerSecond: number;
}

export interface LoadClientResult {
  edits: LatencyHistogram;
  cursors: LatencyHistogram;
  editsSent: number;
  cursorsSent: number;
  /** This process's own event-loop lag while measuring: high values mean the generator, not the server, was the bottleneck. */
  ownLag: LatencyHistogram;
  /** This process's CPU time over the measured window, as % of one core. */
  cpuPercent: number;
  disconnects: number;
}

const ELEMENTS_PER_CLIENT = 20;
const LAG_INTERVAL_MS = 20;

type Client = { doc: Y.Doc; sync: SyncClient; timers: NodeJS.Timeout[]; version: number };

// Every y-websocket provider adds a process "exit" listener; hundreds are expected here.
process.setMaxListeners(0);
const config = JSON.parse(process.argv[2] ?? "{}") as LoadClientConfig;
const clients: Client[] = [];
let recording = false;
/** Only messages sent from here on are counted: warm-up messages that arrive late would inflate the delivered share. */
let recordFrom = Infinity;
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
  const sync = connectClient(config.protocol, config.syncUrl, room, doc);
  sync.onDisconnect(() => live.disconnects++);
  // Arrivals: both providers apply remote updates in non-local transactions.
  doc.getMap("elements").observe((event) => {
    if (event.transaction.local || !recording) return;
    const now = performance.now();
    for (const key of event.keysChanged as Set<string>) {
      const el = doc.getMap("elements").get(key) as { sentAt?: number } | undefined;
      if (el?.sentAt !== undefined && el.sentAt >= recordFrom) record(live.edits, now - el.sentAt);
    }
  });
  sync.awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin === "local" || !recording) return;
    const now = performance.now();
    for (const id of [...added, ...updated]) {
      if (id === doc.clientID) continue;
      const t = (sync.awareness.getStates().get(id) as { pointer?: { t: number } } | undefined)?.pointer?.t;
      if (t !== undefined && t >= recordFrom) record(live.cursors, now - t);
    }
  });
  return { doc, sync, timers: [], version: 0 };
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
    client.sync.awareness.setLocalStateField("pointer", { x: t % 1000, y: (t * 7) % 700, tool: "pointer", t });
    if (recording) live.cursorsSent++;
  };
  // Random phases spread the clients' ticks instead of firing them all at once.
  const every = (perSecond: number, fn: () => void) => {
    if (perSecond <= 0) return;
    const period = 1000 / perSecond;
    client.timers.push(setTimeout(() => client.timers.push(setInterval(fn, period)), Math.random() * period));
  };
  every(config.editsPerSecond, edit);
  every(config.cursorsPerSecond, move);
}

async function waitAllSynced(batch: Client[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (batch.some((c) => !c.sync.synced())) {
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
      for (let c = 0; c < config.clientsPerRoom; c++) batch.push(connect(room));
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
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  recordFrom = started;
  recording = true;
  let last = started;
  const lagTimer = setInterval(() => {
    const now = performance.now();
    record(live.ownLag, Math.max(0, now - last - LAG_INTERVAL_MS));
    last = now;
  }, LAG_INTERVAL_MS);
  await new Promise((r) => setTimeout(r, start.seconds * 1000));
  for (const c of clients) for (const t of c.timers) clearInterval(t);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100;
  // Let in-flight messages land before the books close.
  await new Promise((r) => setTimeout(r, 500));
  recording = false;
  clearInterval(lagTimer);
  const result: LoadClientResult = {
    edits: live.edits,
    cursors: live.cursors,
    ownLag: live.ownLag,
    cpuPercent,
    editsSent: live.editsSent,
    cursorsSent: live.cursorsSent,
    disconnects: live.disconnects,
  };
  process.send?.({ result });
  await new Promise((r) => process.once("message", r));
  for (const c of clients) {
    c.sync.destroy();
    c.doc.destroy();
  }
  // Give the close frames a moment to leave before exiting.
  setTimeout(() => process.exit(0), 300);
}

// Orphaned (the orchestrator died without stopping it): nothing would ever stop the clients.
process.on("disconnect", () => process.exit(0));

main().catch((err: unknown) => {
  process.stderr.write(`load client: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
