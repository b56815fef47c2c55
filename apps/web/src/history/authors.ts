/**
 * Who drew: each person who changes a board leaves their presence name and
 * colour in the board's doc (map `authors`: Yjs client id → name, colour), so
 * the History tab can name whoever made a change, in a room for everyone, and
 * after they have left. A name is written on a person's first change of a
 * visit (a tab's client id is new on every visit), never by merely looking.
 */
import { useEffect, useSyncExternalStore } from "react";
import { PresenceUserSchema, type PresenceUser } from "@archboard/protocol";
import type * as Y from "yjs";
import { loadIdentity } from "../collab/identity.ts";

export const AUTHORS_KEY = "authors";

const authorsMap = (doc: Y.Doc) => doc.getMap<unknown>(AUTHORS_KEY);

/** The names known for the doc's client ids (entries that do not check out are skipped). */
export function readAuthors(doc: Y.Doc): Map<number, PresenceUser> {
  const out = new Map<number, PresenceUser>();
  for (const [id, value] of authorsMap(doc)) {
    const parsed = PresenceUserSchema.safeParse(value);
    if (parsed.success && /^\d+$/.test(id)) out.set(Number(id), parsed.data);
  }
  return out;
}

/** Records `user` as the person behind this doc's client id, unless it already is. */
export function recordAuthor(doc: Y.Doc, user: PresenceUser): void {
  const key = String(doc.clientID);
  const known = PresenceUserSchema.safeParse(authorsMap(doc).get(key));
  if (known.success && known.data.name === user.name && known.data.color === user.color) return;
  authorsMap(doc).set(key, { name: user.name, color: user.color });
}

/**
 * Names this person in the doc after their first change (not for a viewer who
 * cannot change the board): one small write per visit.
 */
export function useRecordAuthor(doc: Y.Doc, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let done = false;
    const onUpdate = (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
      if (done || !tr.local) return;
      done = true;
      doc.off("update", onUpdate);
      // After the change's own transaction, as a separate small one.
      queueMicrotask(() => recordAuthor(doc, loadIdentity()));
    };
    doc.on("update", onUpdate);
    return () => doc.off("update", onUpdate);
  }, [doc, enabled]);
}

/** The doc's authors, kept current. */
export function useAuthors(doc: Y.Doc): Map<number, PresenceUser> {
  return useSyncExternalStore(
    (onChange) => {
      const observer = () => {
        cache.delete(doc);
        onChange();
      };
      authorsMap(doc).observe(observer);
      return () => authorsMap(doc).unobserve(observer);
    },
    () => {
      let authors = cache.get(doc);
      if (!authors) cache.set(doc, (authors = readAuthors(doc)));
      return authors;
    },
  );
}

const cache = new WeakMap<Y.Doc, Map<number, PresenceUser>>();
