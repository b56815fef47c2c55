/**
 * Clients for server tests: the stock y-websocket provider in Node, a plain
 * socket, and helpers to wait on conditions and read a document's content.
 */
import { WebsocketProvider } from "y-websocket";
import { WebSocket } from "ws";
import * as Y from "yjs";

/** A stock y-websocket client in Node, as the brief's interop contract requires. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  elements: Y.Map<unknown>;
  destroy: () => void;
}

export function connectClient(syncUrl: string, room: string, params: Record<string, string> = {}): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    elements: doc.getMap("elements"),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` holds; throws with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the provider has completed its first sync with the server. */
export const synced = (c: TestClient) => waitFor("provider sync", () => c.provider.synced);

/** A sample Excalidraw-like element. */
export const element = (id: string, version = 1) => ({
  id,
  type: "rectangle",
  x: version * 10,
  y: 0,
  width: 100,
  height: 50,
  version,
  versionNonce: version * 7,
  isDeleted: false,
});

/** A plain `ws` socket (no Yjs client) on a sync path. */
export interface RawClient {
  ws: WebSocket;
  /** Every frame received, from the first (the server may send in the handshake's packet). */
  frames: Buffer[];
  /** The close code from the server; 1006 when the socket was cut without one. */
  closed: Promise<number>;
}

/** Opens a raw socket and resolves once it is open. */
export function rawSocket(url: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Buffer[] = [];
    ws.on("message", (d: Buffer) => frames.push(d));
    const closed = new Promise<number>((done) => ws.once("close", (code: number) => done(code)));
    ws.once("open", () => {
      // The server may cut an abusive socket mid-send (ECONNRESET); that is expected here.
      ws.on("error", () => {});
      resolve({ ws, frames, closed });
    });
    ws.once("error", reject);
  });
}

/** Rebuilds a document from stored updates, as a fresh process would. */
export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The board's content as plain data: the `elements` and `files` maps. */
export const snapshot = (doc: Y.Doc) => ({
  elements: doc.getMap("elements").toJSON(),
  files: doc.getMap("files").toJSON(),
});

/** Edits a doc one transaction at a time and returns each transaction's update. */
export function edits(doc: Y.Doc, n: number, from = 0): Uint8Array[] {
  const out: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => out.push(u);
  doc.on("update", onUpdate);
  for (let i = from; i < from + n; i++) doc.getMap("elements").set(`e${i}`, { id: `e${i}`, version: i });
  doc.off("update", onUpdate);
  return out;
}
