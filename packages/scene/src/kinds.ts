/**
 * Component kinds: what a box on a system-design diagram is. Templates and the
 * component library write a kind into `customData.kind`; the linter reads it there, or
 * guesses it from the label, and checks the diagram by it. The tier is the column a
 * request reaches a kind in, left to right.
 */

/** Component kinds, in tier order; `observability` sits outside the request path. */
export const KINDS = [
  "client",
  "edge",
  "lb",
  "service",
  "worker",
  "cache",
  "queue",
  "db",
  "storage",
  "search",
  "observability",
] as const;

/**
 * What a component is: client (browser, mobile app), edge (CDN, DNS), lb (load
 * balancer, gateway), service (API, server), worker, cache, queue, db (database),
 * storage (blob storage), search, observability (metrics, logs).
 */
export type Kind = (typeof KINDS)[number];

/** Position of each kind in the request path, left to right; null outside it. */
export const TIER: Readonly<Record<Kind, number | null>> = {
  client: 0,
  edge: 1,
  lb: 2,
  service: 3,
  worker: 3,
  cache: 4,
  queue: 4,
  db: 5,
  storage: 5,
  search: 5,
  observability: null,
};

/** Whether a value names a kind exactly (no synonyms, case-sensitive). */
export function isKind(value: unknown): value is Kind {
  return typeof value === "string" && Object.hasOwn(TIER, value);
}

/** The fill each kind is drawn with, from Excalidraw's palette so it looks native. */
export const KIND_FILL: Readonly<Record<Kind, string>> = {
  client: "#a5d8ff",
  edge: "#99e9f2",
  lb: "#d0bfff",
  service: "#b2f2bb",
  worker: "#c0eb75",
  cache: "#ffc9c9",
  queue: "#ffec99",
  db: "#ffd8a8",
  storage: "#ffd8a8",
  search: "#eebefa",
  observability: "#e9ecef",
};
