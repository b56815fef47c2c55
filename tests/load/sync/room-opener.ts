/**
 * Load process for `npm run bench:rooms`: opens one socket per room, all at
 * once, each doing what the stock client does on connect (sync step 1 with an
 * empty state vector, then its awareness state), and reports how long each
 * took to receive the server's whole document (its sync step 2).
 *
 * IPC: receives `{ open: { syncUrl, rooms } }`, answers `{ opened: { ms[], totalMs } }`;
 * `{ close: true }` closes every socket and exits.
 */
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";

interface OpenRequest {
  syncUrl: string;
  rooms: string[];
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};
/** [sync, step 1, empty state vector] */
const STEP1 = Uint8Array.of(0, 0, 1, 0);
const awareness = (clientId: number) => {
  const state = JSON.stringify({ user: { name: `load ${clientId}`, color: "#336699" }, idle: "active" });
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      frame((a) => {
        encoding.writeVarUint(a, 1);
        encoding.writeVarUint(a, clientId);
        encoding.writeVarUint(a, 1);
        encoding.writeVarString(a, state);
      }),
    );
  });
};

const sockets: WebSocket[] = [];

function open(url: string, clientId: number): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const ws = new WebSocket(url);
    sockets.push(ws);
    ws.on("error", fail);
    ws.on("open", () => {
      ws.send(STEP1);
      ws.send(awareness(clientId));
    });
    ws.on("message", (data: Buffer) => {
      // The server's step 2 ([0, 1, …]) carries the whole document.
      if (data[0] === 0 && data[1] === 1) done(performance.now() - started);
    });
  });
}

process.on("message", (message: { open?: OpenRequest; close?: boolean }) => void handle(message));

async function handle(message: { open?: OpenRequest; close?: boolean }): Promise<void> {
  if (message.open) {
    const started = performance.now();
    const ms = await Promise.all(
      message.open.rooms.map((room, i) => open(`${message.open!.syncUrl}/${room}`, 1000 + i)),
    );
    process.send?.({ opened: { ms, totalMs: performance.now() - started } });
  }
  if (message.close) {
    for (const ws of sockets) ws.close();
    setTimeout(() => process.exit(0), 500);
  }
}
process.send?.({ ready: true });
