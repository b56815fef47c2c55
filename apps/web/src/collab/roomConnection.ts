import { WebsocketProvider } from "y-websocket";
import { z } from "zod";
import { syncCloseForCode, syncRetryForCode } from "@archboard/protocol";
import type * as Y from "yjs";
import { useConnection } from "./connectionStore.ts";

/** Key of an optional override: another y-websocket server to sync through. */
export const SYNC_URL_KEY = "archboard:sync-url";
const SyncUrlSchema = z.string().regex(/^wss?:\/\/[^\s/]+(\/[^\s]*)?$/);

/**
 * The sync endpoint: the app's own origin, unless this browser was pointed at
 * another standard y-websocket server (e.g. a separate sync host).
 */
export function syncServerUrl(
  location: Pick<Location, "protocol" | "host"> = window.location,
  override: string | null = localStorage.getItem(SYNC_URL_KEY),
) {
  const custom = SyncUrlSchema.safeParse(override);
  if (custom.success) return custom.data.replace(/\/+$/, "");
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync`;
}

/**
 * Connects a board's doc to its room with the standard y-websocket client.
 * The doc stays persisted locally as well, so edits made while offline are
 * kept and sent by the sync handshake when the connection returns.
 */
export function connectRoom(doc: Y.Doc, roomName: string, token?: string) {
  const provider = new WebsocketProvider(syncServerUrl(), roomName, doc, {
    maxBackoffTime: 5000,
    ...(token ? { params: { token } } : {}),
  });
  const store = useConnection.getState();
  let everConnected = false;
  store.set({ status: "connecting", unsynced: 0, refusal: null, notice: null });

  // 4400–4499: the server refused this link for good (or the board is full); the client stops retrying.
  // Other codes the server explains are shown while the client reconnects.
  const onClose = (event: CloseEvent | null) => {
    if (!event) return;
    if (event.code < 4400 || event.code >= 4500) {
      const retry = syncRetryForCode(event.code);
      if (retry) useConnection.getState().set({ notice: retry.message });
      return;
    }
    useConnection.getState().set({ status: "refused", refusal: refusalFor(event.code, event.reason) });
  };

  const onStatus = ({ status }: { status: "connected" | "connecting" | "disconnected" }) => {
    if (useConnection.getState().status === "refused") return;
    if (status === "connected") everConnected = true;
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    useConnection.getState().set({
      status:
        status === "connected" ? "connected" : offline ? "offline" : everConnected ? "reconnecting" : "connecting",
      ...(status === "connected" ? { notice: null } : {}),
    });
  };
  const onSync = (synced: boolean) => {
    if (synced) useConnection.getState().set({ unsynced: 0 });
  };
  // Count local edits that could not be sent yet.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && !provider.wsconnected) {
      useConnection.getState().set({ unsynced: useConnection.getState().unsynced + 1 });
    }
  };
  // A dropped network often leaves a socket that looks open for a long while; the
  // browser's offline event is the earlier, surer signal. Edits made meanwhile
  // stay in the doc (and in IndexedDB) and go out in the sync handshake on reconnect.
  const onNetwork = () => {
    if (useConnection.getState().status === "refused") return;
    if (navigator.onLine) provider.connect();
    else provider.disconnect();
    onStatus({ status: provider.wsconnected ? "connected" : "disconnected" });
  };

  provider.on("status", onStatus);
  provider.on("connection-close", onClose);
  provider.on("sync", onSync);
  doc.on("update", onUpdate);
  window.addEventListener("online", onNetwork);
  window.addEventListener("offline", onNetwork);

  return {
    provider,
    awareness: provider.awareness,
    destroy() {
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      doc.off("update", onUpdate);
      provider.destroy();
      useConnection.getState().set({ status: null, unsynced: 0, refusal: null, notice: null });
    },
  };
}

export type RoomConnection = ReturnType<typeof connectRoom>;

/** Plain words for the server's refusal codes (the close reason is the fallback). */
export function refusalFor(code: number, reason: string): { code: number; title: string; message: string } {
  const known = syncCloseForCode(code);
  if (known) return { code, title: known.title, message: known.message };
  return {
    code,
    title: "Not connected",
    message: reason
      ? `The server refused the connection: ${reason}`
      : `The server refused the connection (code ${code}).`,
  };
}
