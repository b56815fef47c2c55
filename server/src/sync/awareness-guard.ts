/**
 * Presence integrity: who may speak for an awareness client id, and which
 * role a presence shows.
 *
 * y-protocols awareness lets any peer publish a state for any client id with
 * a higher clock, so one participant could replace another's name and role
 * for everyone (and become the target of "follow the candidate"). The server
 * therefore binds each client id to the connection that first announced it
 * and drops entries for ids another connection owns, and it overwrites the
 * `role` a state claims with the role of the connection's token (removing it
 * on open rooms, where nobody has one).
 *
 * An honest client that reconnects before its old socket is found dead
 * announces an id the old connection still owns. The room then probes the
 * owner (a WebSocket ping): an owner that does not answer is cut and the id
 * passes to the newcomer; a live owner keeps it.
 */
import type { Role } from "@archboard/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** Awareness client ids one connection may hold. A browser tab announces one per document. */
export const MAX_IDS_PER_CONNECTION = 4;

/** One entry of an awareness update: a client id, its clock and its state as JSON text (`null` = gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Decodes an awareness update (y-protocols' encoding); throws on a malformed one. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  // Each entry takes at least three bytes: this bounds the loop by the frame, not the claim.
  if (n * 3 > update.length) throw new Error(`awareness update claims ${n} entries in ${update.length} bytes`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push({
      clientId: decoding.readVarUint(d),
      clock: decoding.readVarUint(d),
      state: decoding.readVarString(d),
    });
  }
  return entries;
}

/** Encodes entries back into an awareness update. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

/**
 * The state with `role` set to the connection's (or removed when `role` is
 * null). Throws on text that is not JSON, as applying it would. Non-object
 * states (`null`, the "gone" marker) are returned unchanged.
 */
export function stampRole(state: string, role: Role | null): string {
  const value: unknown = JSON.parse(state);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return state;
  const record = value as Record<string, unknown>;
  if (role === null) {
    if (!("role" in record)) return state;
    delete record.role;
  } else {
    if (record.role === role) return state;
    record.role = role;
  }
  return JSON.stringify(record);
}

/** What {@link AwarenessOwners.claim} decided for one client id. */
export type Claim =
  /** The connection owns the id (now or already): apply the entry. */
  | "own"
  /** Another connection owns it: drop the entry (and probe that owner). */
  | "taken"
  /** The connection already holds its quota of ids: drop the entry. */
  | "quota";

/** Which connection owns which awareness client id, in one room. */
export class AwarenessOwners<C> {
  private readonly owner = new Map<number, C>();
  private readonly held = new Map<C, Set<number>>();

  /** Claims `clientId` for `conn` if it is free. */
  claim(conn: C, clientId: number): Claim {
    const current = this.owner.get(clientId);
    if (current === conn) return "own";
    if (current !== undefined) return "taken";
    const ids = this.held.get(conn) ?? new Set<number>();
    if (ids.size >= MAX_IDS_PER_CONNECTION) return "quota";
    ids.add(clientId);
    this.held.set(conn, ids);
    this.owner.set(clientId, conn);
    return "own";
  }

  /** Whether `conn` owns at least one id. */
  holdsAny(conn: C): boolean {
    return (this.held.get(conn)?.size ?? 0) > 0;
  }

  /** The connection owning `clientId`, if any. */
  ownerOf(clientId: number): C | undefined {
    return this.owner.get(clientId);
  }

  /** Forgets every id `conn` held and returns them (their states should be removed). */
  release(conn: C): number[] {
    const ids = [...(this.held.get(conn) ?? [])];
    for (const id of ids) this.owner.delete(id);
    this.held.delete(conn);
    return ids;
  }
}
