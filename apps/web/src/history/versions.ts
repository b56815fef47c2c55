/**
 * Named versions: moments of the board someone gave a name ("before deep
 * dive"). They live in the board's doc (map `versions`: id → name, time,
 * author), so a room shares them like the drawing; the board as it was then
 * is rebuilt from history at the version's time. Times are server time in a
 * room (as the room's history is), this device's clock on a solo board.
 */
import { useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { z } from "zod";
import { create } from "zustand";

export const VERSIONS_KEY = "versions";

/** Longest name a version keeps. */
export const VERSION_NAME_MAX = 80;

const StoredVersionSchema = z.object({
  name: z.string().trim().min(1).max(VERSION_NAME_MAX),
  at: z.number().finite().positive(),
  by: z.string().max(40).optional(),
});

/** A named moment of the board. */
export interface NamedVersion {
  id: string;
  name: string;
  /** When it was saved (epoch ms): the board as history holds it at this time. */
  at: number;
  /** Who saved it (presence name), where known. */
  by?: string;
}

const versionsMap = (doc: Y.Doc) => doc.getMap<unknown>(VERSIONS_KEY);

/** Every valid version in the doc, oldest first (entries that do not check out are skipped). */
export function readVersions(doc: Y.Doc): NamedVersion[] {
  const out: NamedVersion[] = [];
  for (const [id, value] of versionsMap(doc)) {
    const parsed = StoredVersionSchema.safeParse(value);
    if (parsed.success) out.push({ id, ...parsed.data });
  }
  return out.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
}

/**
 * Names the board as it is at `at`. Throws, with a sentence for the user,
 * on an empty name; a long one is cut to {@link VERSION_NAME_MAX} characters.
 */
export function saveVersion(doc: Y.Doc, name: string, at: number, by?: string): NamedVersion {
  const trimmed = name.trim().slice(0, VERSION_NAME_MAX);
  if (!trimmed) throw new Error("A version needs a name.");
  const id = `v${at.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const stored = StoredVersionSchema.parse({ name: trimmed, at, ...(by ? { by: by.slice(0, 40) } : {}) });
  versionsMap(doc).set(id, stored);
  return { id, ...stored };
}

/** Removes a version's name (the board's history is untouched). */
export function deleteVersion(doc: Y.Doc, id: string): void {
  versionsMap(doc).delete(id);
}

/** The doc's versions, kept current. */
export function useVersions(doc: Y.Doc): NamedVersion[] {
  return useSyncExternalStore(
    (onChange) => {
      const map = versionsMap(doc);
      const observer = () => {
        cache.delete(doc);
        onChange();
      };
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    () => {
      let list = cache.get(doc);
      if (!list) cache.set(doc, (list = readVersions(doc)));
      return list;
    },
  );
}

/** One list per doc between changes, so React sees a stable snapshot. */
const cache = new WeakMap<Y.Doc, NamedVersion[]>();

/** Whether the "Save version…" dialog is open (the panel and the main menu both open it). */
export const useVersionDialog = create<{ open: boolean; setOpen: (open: boolean) => void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
