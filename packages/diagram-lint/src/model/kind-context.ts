import { contains } from "@archboard/scene";
import { ZONE_SLACK } from "./edges.ts";
import { kindFromLabel, TIER, type Kind } from "./kinds.ts";
import type { SpatialGrid } from "./spatial-grid.ts";
import type { Box } from "./types.ts";

/**
 * Kinds read from more than one keyword. A label's last keyword names most boxes well
 * ("User Service" is a service), but some labels need their context: "back queue
 * selector" routes queues (its head noun is "selector"), "S3 database" is object
 * storage, "User – userId – email" is a table of the data model, and an unnamed store
 * inside a zone captioned "MongoDB" is a database.
 */

/** Head nouns naming something that acts on the keyword before them: a service. */
const AGENT_NOUNS = new Set([
  "selector",
  "prioritizer",
  "prioritiser",
  "router",
  "dispatcher",
  "broadcaster",
  "boardcaster",
  "scheduler",
  "coordinator",
  "manager",
  "handler",
  "controller",
  "aggregator",
  "publisher",
  "producer",
  "indexer",
  "crawler",
  "fetcher",
  "parser",
  "detector",
  "loader",
  "generator",
  "connector",
  "adapter",
  "writer",
  "reader",
]);

/** Words that name object storage even when the label also says "database" or "store". */
const OBJECT_STORAGE_RE = /\b(?:s3|blob|bucket|gcs|object\s+stor(?:e|age))\b/i;
/** A field line of a record: "- userId", "id", "user_id, fk", "name: string", "price USD". */
const FIELD_RE =
  /^\s*(?:[-•*+]\s*)?[A-Za-z_][\w]*(?:\[\])?\s*(?:$|[:=,-]|\s+(?:pk|fk|int|integer|string|varchar|text|uuid|bool|boolean|timestamp|date|float|double|number|json)\b)/;
const PROVIDER_RE = /\b(?:firebase|fcm|apns|push\s+notifications?|twilio|sendgrid|mailchimp|stripe|paypal)\b/i;
const BROWSER_FIRST_RE = /^\s*browsers?\b/i;

/** "… database client", "redis client", "http client": a library, not a user. */
const LIBRARY_CLIENT_RE = /\b(?:db|database|sql|redis|cache|kafka|queue|http|grpc|rest|api|s3|storage)\s+clients?\b/i;

/** Two to four short lines, six words at most: a name Excalidraw wrapped, not a name and a note. */
function isWrappedName(label: string): boolean {
  if (!label.includes("\n")) return false;
  const lines = label.split("\n");
  if (lines.length > 4) return false;
  let words = 0;
  for (const line of lines) {
    const w = line.trim().split(/\s+/).filter(Boolean).length;
    if (w > 3) return false;
    words += w;
  }
  return words <= 6;
}

/** A bulleted or typed field line: "- userId", "name: string", "amount 10". */
const MARKED_FIELD_RE = /^\s*[-•*+]|[:=]|\s\S/;
/** A key field: "id", "userId", "user_id", "pk", "fk". */
const KEY_FIELD_RE = /\b(?:id|pk|fk)\b|[a-z]Id\b|_id\b/;
const STORE_KINDS: ReadonlySet<Kind> = new Set<Kind>(["db", "storage", "cache", "queue", "search"]);

/** Refines `Box.kind` (and sets `Box.isRecord`) for boxes whose kind a template did not set. */
export function refineKinds(boxes: readonly Box[], grid: SpatialGrid<Box>): void {
  for (const box of boxes) {
    // A drawn person (a head over a body) is a user, named or not.
    if (box.isPerson && box.kind === null && !isTagged(box)) setKind(box, "client");
    if (box.partOf || !box.label) continue;
    box.isRecord = looksLikeRecord(box.label);
    if (isTagged(box)) continue;
    let kind = box.kind;
    // A name wrapped over short lines ("Users / Core Write / API") reads as one phrase.
    if (!box.isRecord && isWrappedName(box.label)) kind = kindFromLabel(box.label.replace(/\s*\n\s*/g, " ")) ?? kind;
    if (box.isRecord) {
      // A table is named by its first line; an entity called "User" is data, not the client.
      kind = kindFromLabel(firstLine(box.label));
      if (kind === "client") kind = null;
    } else if (
      kind !== null &&
      AGENT_NOUNS.has(lastWord(firstLine(isWrappedName(box.label) ? box.label.replace(/\s*\n\s*/g, " ") : box.label)))
    ) {
      kind = "service";
    }
    // Push and messaging providers named with a client platform ("Android firebase") are services.
    if (kind === "client" && PROVIDER_RE.test(box.label)) kind = "service";
    if (kind === "db" && OBJECT_STORAGE_RE.test(box.label)) kind = "storage";
    // "Browser Search", "Browser UI": the page in the user's browser.
    if (
      (box.label.charCodeAt(0) | 0x20) === 98 &&
      BROWSER_FIRST_RE.test(box.label) &&
      box.label.trim().split(/\s+/).length <= 3
    )
      kind = "client";
    // "database client", "Redis client": a library talking to a store, not a user.
    if (kind === "client" && LIBRARY_CLIENT_RE.test(firstLine(box.label.replace(/\s*\n\s*/g, " ")))) kind = "service";
    setKind(box, kind);
  }
  for (const box of boxes) {
    if (box.kind !== null || box.isZone || box.partOf || box.isRecord || isTagged(box)) continue;
    // A zone named as a store ("MongoDB", "Kafka cluster") holds that store's pieces.
    const zone = innermostZone(box, grid);
    const zoneKind = zone?.label ? kindFromLabel(firstLine(zone.label)) : null;
    if (zoneKind && STORE_KINDS.has(zoneKind)) setKind(box, zoneKind);
  }
}

function isTagged(box: Box): boolean {
  return typeof box.element.customData?.["kind"] === "string";
}

function setKind(box: Box, kind: Kind | null): void {
  box.kind = kind;
  box.tier = kind ? TIER[kind] : null;
}

function firstLine(label: string): string {
  const cut = label.indexOf("\n");
  return cut === -1 ? label : label.slice(0, cut);
}

/**
 * The last word of a line, lower-cased, asides in brackets dropped: "Queue Selector
 * (v2)" → "selector". Scanned from the end by character code: this runs for every box.
 */
function lastWord(line: string): string {
  let depth = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line.charCodeAt(i) | 0x20;
    if (c === 0x29 || c === 0x7d)
      depth++; // ")" or "]" (] | 0x20 is "}")
    else if ((c === 0x28 || c === 0x7b) && depth > 0)
      depth--; // "(" or "["
    else if (depth === 0 && c >= 97 && c <= 122) {
      const end = i + 1;
      let start = i;
      while (start > 0 && (line.charCodeAt(start - 1) | 0x20) >= 97 && (line.charCodeAt(start - 1) | 0x20) <= 122)
        start--;
      return line.slice(start, end).toLowerCase();
    }
  }
  return "";
}

/**
 * A record or table: a title line followed by at least two field lines, and more
 * field lines than prose. ("Tweets / - tweetID / - userID / - Text" is a table.)
 */
export function looksLikeRecord(label: string): boolean {
  const first = label.indexOf("\n");
  if (first === -1 || label.indexOf("\n", first + 1) === -1) return false;
  const lines = label
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length < 3) return false;
  let fields = 0,
    marked = 0,
    keys = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!FIELD_RE.test(line) || line.length > 40) continue;
    fields++;
    if (MARKED_FIELD_RE.test(line)) marked++;
    if (KEY_FIELD_RE.test(line)) keys++;
  }
  // Plain words under a title may be a wrapped name ("Excalidraw / embed / window"): a
  // record shows a key ("id", "user_id", "pk") or bullets and separators.
  return fields >= 2 && fields >= (lines.length - 1) / 2 && (keys > 0 || marked >= 2);
}

function innermostZone(box: Box, grid: SpatialGrid<Box>): Box | null {
  let best: Box | null = null;
  for (const z of grid.query(box.rect)) {
    if (z === box || !z.isZone || !contains(z.rect, box.rect, ZONE_SLACK)) continue;
    if (!best || z.area < best.area) best = z;
  }
  return best;
}
