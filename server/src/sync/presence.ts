import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type * as Y from "yjs";
import { AwarenessOwners, decodeAwarenessEntries, encodeAwarenessEntries, stampRole } from "./awareness-guard.ts";
import { Connection } from "./connection.ts";
import { decodeMessage, encodeAwareness } from "./protocol.ts";
import type { SyncMetrics } from "./sync-metrics.ts";

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/** How long an owner challenged for its client id has to answer a ping before it is cut. */
export const OWNER_PROBE_MS = 5000;

/** Client ids of people on other servers a room remembers (their last clock), newest kept. */
const MAX_REMOTE_IDS = 1024;

/**
 * One room's presence: the awareness states of the people in it, with the
 * integrity rules of `awareness-guard.ts` applied to every client frame
 * before y-protocols sees it. Each client id belongs to the connection that
 * first announced it; entries for ids another connection owns are dropped
 * (and that owner is probed, so a dead socket does not keep a reconnecting
 * client's id); every state's `role` is the one its connection's invite
 * grants. What is relayed is exactly what was applied. Another server's
 * entries for an id a connection here owns are not passed on to the people
 * here: whoever is connected to this server speaks for that id on it.
 *
 * The stock client sends back every state it receives (y-websocket relays
 * its awareness "update" events whatever their origin). Such an echo must not
 * make its sender the owner of someone else's id, or that person, reconnecting
 * here (after a dropped socket, or from a server that died), would be refused
 * for as long as the echoing peer stays: so a removal never claims an id, and
 * neither does a state of someone on another server that is no newer than
 * what that server relayed, from a connection that already speaks for itself.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  private readonly owners = new AwarenessOwners<Connection>();
  /** The last clock other servers relayed for each client id they hold. */
  private readonly remoteClocks = new Map<number, number>();
  /** Set by the awareness listener while a client's frame is applied. */
  private changed = false;

  constructor(
    doc: Y.Doc,
    private readonly metrics: SyncMetrics,
    /** Sends a frame to every connection but `except`. */
    private readonly broadcast: (frame: Uint8Array, except?: Connection) => void,
  ) {
    this.awareness = new Awareness(doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", (changes: AwarenessChanges, origin: unknown) => this.onUpdate(changes, origin));
  }

  /**
   * Applies one client awareness payload (`frame` is the whole message it
   * came in). Throws on a payload that does not decode; the room closes the
   * sender with 1007 for that.
   */
  receive(conn: Connection, update: Uint8Array, frame: Uint8Array): void {
    const entries = decodeAwarenessEntries(update);
    let rewritten = false;
    const kept = [];
    for (const entry of entries) {
      if (this.isEcho(conn, entry.clientId, entry.clock, entry.state)) {
        rewritten = true;
        this.metrics.awarenessDropped.inc({ reason: "echo" });
        continue;
      }
      const claim = this.owners.claim(conn, entry.clientId);
      if (claim !== "own") {
        rewritten = true;
        this.metrics.awarenessDropped.inc({ reason: claim === "taken" ? "foreign_id" : "id_quota" });
        if (claim === "taken") this.owners.ownerOf(entry.clientId)?.probe(OWNER_PROBE_MS);
        continue;
      }
      const state = stampRole(entry.state, conn.presenceRole);
      if (state !== entry.state) rewritten = true;
      kept.push({ ...entry, state });
    }
    if (kept.length === 0) return;
    const applied = rewritten ? encodeAwarenessEntries(kept) : update;
    this.changed = false;
    applyAwarenessUpdate(this.awareness, applied, conn);
    // Relay the client's own bytes when nothing was rewritten: same content, no re-encoding.
    if (this.changed) this.broadcast(rewritten ? encodeAwareness(applied) : frame, conn);
  }

  /**
   * Takes an awareness frame another server relayed (the whole message) and
   * returns what to pass on to this server's connections: the frame as it
   * came, or, when it holds entries for ids a connection here owns, the frame
   * without them (people connected here speak for themselves here, whatever
   * a client elsewhere claims), or null when nothing is left. Every entry's
   * clock is noted, so that local echoes of remote states are recognised.
   */
  fromRemote(frame: Uint8Array): Uint8Array | null {
    let entries;
    try {
      const msg = decodeMessage(frame);
      if (msg.type !== "awareness") return null;
      entries = decodeAwarenessEntries(msg.update);
    } catch {
      return null; // Our servers relay only frames they accepted: this one is not theirs.
    }
    const kept = [];
    for (const entry of entries) {
      const owner = this.owners.ownerOf(entry.clientId);
      if (owner !== undefined) {
        this.metrics.awarenessDropped.inc({ reason: "foreign_id" });
        // The person may have moved to another server while their old socket here lingers.
        owner.probe(OWNER_PROBE_MS);
        continue;
      }
      kept.push(entry);
      this.remoteClocks.delete(entry.clientId);
      this.remoteClocks.set(entry.clientId, entry.clock);
    }
    for (const oldest of this.remoteClocks.keys()) {
      if (this.remoteClocks.size <= MAX_REMOTE_IDS) break;
      this.remoteClocks.delete(oldest);
    }
    if (kept.length === entries.length) return frame;
    return kept.length > 0 ? encodeAwareness(encodeAwarenessEntries(kept)) : null;
  }

  /** A connection left: its client ids are freed and their states removed for everyone. */
  release(conn: Connection): void {
    const ids = this.owners.release(conn);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, "left");
  }

  /** Whether anyone has a state. */
  get empty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Every state, as one awareness message (a newcomer's greeting, `query-awareness`). */
  all(): Uint8Array {
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /**
   * Whether an entry for an id nobody here owns is a peer sending back what
   * it was sent: a removal (nothing to apply, and a live owner announces
   * itself with a state), or a state no newer than another server relayed,
   * from a connection that already holds its own id. A client reconnecting
   * here holds none yet, so it gets its id back at once.
   */
  private isEcho(conn: Connection, clientId: number, clock: number, state: string): boolean {
    if (this.owners.ownerOf(clientId) !== undefined) return false;
    if (state === "null") return true;
    const remote = this.remoteClocks.get(clientId);
    return remote !== undefined && clock <= remote && this.owners.holdsAny(conn);
  }

  private onUpdate({ added, updated, removed }: AwarenessChanges, origin: unknown): void {
    if (origin instanceof Connection) {
      this.changed = true;
      return;
    }
    // Server-side removals (a connection left, a state timed out): tell everyone.
    const ids = [...added, ...updated, ...removed];
    if (ids.length > 0) this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
  }
}
