import type * as Y from "yjs";
import { cleanTitle } from "../boards/boardIndex.ts";

/** A shared board's title lives in its doc, so everyone in the room sees one name. */
const metaOf = (doc: Y.Doc) => doc.getMap<string>("meta");

export function sharedTitle(doc: Y.Doc): string | undefined {
  const title = metaOf(doc).get("title");
  return typeof title === "string" ? cleanTitle(title) : undefined;
}

export function setSharedTitle(doc: Y.Doc, title: string) {
  if (metaOf(doc).get("title") !== title) metaOf(doc).set("title", title);
}

export function observeSharedTitle(doc: Y.Doc, onTitle: (title: string) => void): () => void {
  const map = metaOf(doc);
  const handler = () => {
    const t = sharedTitle(doc);
    if (t) onTitle(t);
  };
  map.observe(handler);
  return () => map.unobserve(handler);
}
