import * as Y from "yjs";

type TabMessage =
  { kind: "hello"; vector: Uint8Array } | { kind: "ask"; vector: Uint8Array } | { kind: "update"; update: Uint8Array };

/** Origin of updates relayed from another tab: that tab has already stored and recorded them. */
export const TAB_SYNC_ORIGIN: object = Object.freeze({ name: "archboard:tab-sync" });

/**
 * Keeps one board's doc in step across this browser's tabs (a board open in
 * two tabs would otherwise only meet again on reload). Updates travel over a
 * BroadcastChannel named after the board; a tab that opens says hello with
 * its state vector, the others answer with what it is missing and ask for what
 * they are missing in turn. Applying an update twice is harmless, so no
 * bookkeeping is needed.
 */
export function syncAcrossTabs(doc: Y.Doc, channelName: string): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(channelName);
  const post = (message: TabMessage) => channel.postMessage(message);

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== TAB_SYNC_ORIGIN) post({ kind: "update", update });
  };
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    try {
      if (message?.kind === "update") Y.applyUpdate(doc, message.update, TAB_SYNC_ORIGIN);
      else if (message?.kind === "hello" || message?.kind === "ask") {
        post({ kind: "update", update: Y.encodeStateAsUpdate(doc, message.vector) });
        // A newcomer may hold edits we lack (made while offline in that tab): ask for them once.
        if (message.kind === "hello") post({ kind: "ask", vector: Y.encodeStateVector(doc) });
      }
    } catch {
      // A malformed message from another tab is ignored; our doc stays as it is.
    }
  };
  doc.on("update", onUpdate);
  post({ kind: "hello", vector: Y.encodeStateVector(doc) });
  return () => {
    doc.off("update", onUpdate);
    channel.close();
  };
}
