import * as Y from "yjs";
import { z } from "zod";
import { LIMITS, RoomIdSchema, newBoardId, type BoardId, type RoomId } from "@archboard/protocol";

/** What the home page knows about a board without opening it. */
export interface BoardMeta {
  id: BoardId;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** A small PNG data URL of the board, absent until the board has content. */
  thumbnail?: string;
  /** Set while the board is shared live: the room it syncs with. */
  roomId?: RoomId;
  /** The invite token this browser joined the room with (mock interviews). */
  roomToken?: string;
}

const BoardMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  thumbnail: z.string().startsWith("data:image/").optional(),
  roomId: RoomIdSchema.optional(),
  roomToken: z.string().max(4096).optional(),
});

export const UNTITLED = "Untitled board";

/** Normalises a user-typed title: trims, collapses whitespace, caps the length. */
export function cleanTitle(input: string): string {
  const t = input.replace(/\s+/g, " ").trim().slice(0, LIMITS.maxTitleLength);
  return t || UNTITLED;
}

/**
 * The list of boards in this browser, kept in its own `Y.Doc` (persisted like
 * a board) so that every write is durable and merges cleanly across tabs.
 * Each board is one entry of the `boards` map; values are replaced whole.
 */
export class BoardIndex {
  readonly boards: Y.Map<BoardMeta>;

  constructor(readonly doc: Y.Doc) {
    this.boards = doc.getMap<BoardMeta>("boards");
  }

  /** All boards, most recently edited first. Entries that fail validation are skipped. */
  list(): BoardMeta[] {
    const out: BoardMeta[] = [];
    for (const value of this.boards.values()) {
      const parsed = BoardMetaSchema.safeParse(value);
      if (parsed.success) out.push(parsed.data as BoardMeta);
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
  }

  get(id: BoardId): BoardMeta | undefined {
    return this.boards.get(id);
  }

  /** A title not yet used: "Untitled board", then "Untitled board 2", … */
  nextUntitled(): string {
    const taken = new Set(this.list().map((b) => b.title));
    if (!taken.has(UNTITLED)) return UNTITLED;
    let n = 2;
    while (taken.has(`${UNTITLED} ${n}`)) n++;
    return `${UNTITLED} ${n}`;
  }

  create(title?: string, now = Date.now()): BoardMeta {
    const meta: BoardMeta = {
      id: newBoardId(),
      title: title === undefined ? this.nextUntitled() : cleanTitle(title),
      createdAt: now,
      updatedAt: now,
    };
    this.boards.set(meta.id, meta);
    return meta;
  }

  private update(id: BoardId, patch: Partial<BoardMeta>): BoardMeta | undefined {
    const current = this.boards.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.boards.set(id, next);
    return next;
  }

  rename(id: BoardId, title: string, now = Date.now()) {
    return this.update(id, { title: cleanTitle(title), updatedAt: now });
  }

  /** Marks the board as edited now (the home page sorts by it). */
  touch(id: BoardId, now = Date.now()) {
    return this.update(id, { updatedAt: now });
  }

  setThumbnail(id: BoardId, thumbnail: string | undefined) {
    const current = this.boards.get(id);
    if (!current || current.thumbnail === thumbnail) return current;
    const next: BoardMeta = { ...current };
    if (thumbnail) next.thumbnail = thumbnail;
    else delete next.thumbnail;
    this.boards.set(id, next);
    return next;
  }

  /** The local board that syncs with a room, if this browser has joined it. */
  findByRoom(roomId: RoomId): BoardMeta | undefined {
    return this.list().find((b) => b.roomId === roomId);
  }

  /** Links a board to a live room, or unlinks it (it stays as a local board). */
  setRoom(id: BoardId, roomId: RoomId | undefined, token?: string) {
    const current = this.boards.get(id);
    if (!current) return undefined;
    const next: BoardMeta = { ...current };
    if (roomId) next.roomId = roomId;
    else delete next.roomId;
    if (roomId && token) next.roomToken = token;
    else delete next.roomToken;
    this.boards.set(id, next);
    return next;
  }

  /** A copy's entry: "<title> (copy)", same thumbnail, fresh timestamps, not shared. */
  duplicateEntry(id: BoardId, now = Date.now()): BoardMeta | undefined {
    const source = this.boards.get(id);
    if (!source) return undefined;
    const copy: BoardMeta = {
      ...source,
      id: newBoardId(),
      title: cleanTitle(`${source.title} (copy)`),
      createdAt: now,
      updatedAt: now,
    };
    delete copy.roomId;
    delete copy.roomToken;
    this.boards.set(copy.id, copy);
    return copy;
  }

  remove(id: BoardId) {
    this.boards.delete(id);
  }
}
