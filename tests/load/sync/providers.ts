/**
 * The two kinds of client the sync benchmark drives, behind one shape: the
 * stock y-websocket provider (our server and the stock `@y/websocket-server`
 * speak its protocol) and Hocuspocus's own provider (its server speaks its
 * own framing, with the document name in every message). Each client gets its
 * own WebSocket, as each browser tab would.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebsocketProvider } from "y-websocket";
import { WebSocket } from "ws";
import type * as Y from "yjs";

/**
 * `ws` with an error listener of its own. A browser WebSocket that errors with
 * no listener is harmless, a `ws` one throws: the Hocuspocus provider removes
 * its listeners before closing a socket it gives up on while connecting, and
 * that close emits an error, which would take the whole load process down.
 * The provider still sees every error while it listens.
 */
class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("error", () => undefined);
  }
}

/** Which client library a load process uses. */
export type ClientProtocol = "y-websocket" | "hocuspocus";

/** The y-protocols awareness both providers use (named through y-websocket, which the tests declare). */
type Awareness = WebsocketProvider["awareness"];

/** What the load process needs of a provider. */
export interface SyncClient {
  awareness: Awareness;
  /** True once the first sync with the server has completed. */
  synced: () => boolean;
  /** Calls `listener` every time the connection drops. */
  onDisconnect: (listener: () => void) => void;
  destroy: () => void;
}

/**
 * Connects `doc` to `room`. For y-websocket `url` is the server's sync base
 * URL (the room is appended as a path); for Hocuspocus it is the server's
 * WebSocket URL and the room travels in the messages.
 */
export function connectClient(protocol: ClientProtocol, url: string, room: string, doc: Y.Doc): SyncClient {
  if (protocol === "y-websocket") {
    const provider = new WebsocketProvider(url, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return {
      awareness: provider.awareness,
      synced: () => provider.synced,
      onDisconnect: (listener) =>
        provider.on("status", ({ status }) => {
          if (status === "disconnected") listener();
        }),
      destroy: () => provider.destroy(),
    };
  }
  // Node 20 has no global WebSocket, so the socket is built with `ws`, as Hocuspocus documents for Node.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeWebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  const awareness = provider.awareness;
  if (!awareness) throw new Error("the Hocuspocus provider was created without awareness");
  return {
    awareness,
    synced: () => provider.synced,
    onDisconnect: (listener) =>
      provider.on("status", ({ status }: { status: string }) => {
        if (status === "disconnected") listener();
      }),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
