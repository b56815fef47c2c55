/**
 * What a box is, from its template tag or the words in its label (docs/rules/README.md,
 * "Model"); the kinds and their tiers are `@archboard/scene`'s. Keywords match on word
 * boundaries, case-insensitively, with an optional plural "s": "rapid" is not "api",
 * "APIs" is.
 */
import { isKind, type Kind } from "@archboard/scene";

export { KINDS, TIER, type Kind } from "@archboard/scene";

const KEYWORDS: Readonly<Record<Kind, readonly string[]>> = {
  client: [
    "client",
    "user",
    "browser",
    "mobile",
    "mobile app",
    "web app",
    "ios",
    "android",
    "frontend",
    "front end",
    "front-end",
  ],
  edge: ["cdn", "dns", "cloudfront", "akamai"],
  lb: [
    "lb",
    "load balancer",
    "load-balancer",
    "alb",
    "elb",
    "nlb",
    "nginx",
    "haproxy",
    "envoy",
    "api gateway",
    "gateway",
    "reverse proxy",
  ],
  service: [
    "api",
    "service",
    "svc",
    "microservice",
    "server",
    "backend",
    "back end",
    "app server",
    "application server",
    "lambda",
    "router",
  ],
  worker: ["worker", "consumer", "processor", "job"],
  cache: ["cache", "redis", "memcached", "memcache"],
  queue: [
    "queue",
    "kafka",
    "rabbitmq",
    "sqs",
    "sns",
    "pub/sub",
    "pubsub",
    "kinesis",
    "topic",
    "stream",
    "message broker",
    "event bus",
  ],
  db: [
    "db",
    "database",
    "sql",
    "nosql",
    "postgres",
    "postgresql",
    "mysql",
    "cassandra",
    "dynamo",
    "dynamodb",
    "mongo",
    "mongodb",
    "primary",
    "replica",
    "rds",
    "aurora",
  ],
  storage: [
    "blob",
    "s3",
    "object storage",
    "object store",
    "gcs",
    "bucket",
    "file storage",
    "blob storage",
    "blob store",
  ],
  search: ["search", "elasticsearch", "opensearch", "solr", "elastic search"],
  observability: [
    "metrics",
    "monitoring",
    "logs",
    "logging",
    "tracing",
    "prometheus",
    "grafana",
    "alerting",
    "jaeger",
    "loki",
    "datadog",
    "cloudwatch",
    "graylog",
    "kibana",
    "opentelemetry",
  ],
};

const KIND_BY_KEYWORD = new Map<string, Kind>();
for (const [kind, words] of Object.entries(KEYWORDS) as [Kind, readonly string[]][]) {
  for (const word of words) KIND_BY_KEYWORD.set(word.replace(/-/g, " "), kind);
}

/*
 * Labels are matched word by word rather than with one big alternation regex: on a
 * 10,000-element board that regex was the single largest cost of building the model.
 * Keywords are one or two words; "pub/sub"-style pairs keep their slash. Words are
 * scanned by character code (a regex `exec` allocates a match array per word).
 */

/** First words of two-word keywords: only after one of these is a pair worth building. */
const PAIR_HEADS = new Set<string>();
for (const keyword of KIND_BY_KEYWORD.keys()) {
  const cut = keyword.search(/[ /]/);
  if (cut > 0) PAIR_HEADS.add(keyword.slice(0, cut));
}
const SEPARATOR_RE = /^[\s-]+$/;
/** What follows a "user" that makes it a modifier ("user profile", "user-facing"). */
const USER_MODIFIER_RE = /[\s-]*[a-z]/y;

/** `[a-z0-9]`, the word characters of a lower-cased label. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** The kind of the last keyword in `text` (already lower-cased), or null. */
function lastKeyword(text: string): Kind | null {
  let last: Kind | null = null;
  let prev = "",
    prevEnd = -1;
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    const end = i;
    // No keyword, nor any word of one, starts with a digit ("Client 12", "v2"): not worth a string.
    if (text.charCodeAt(start) <= 57) {
      prev = "";
      prevEnd = end;
      continue;
    }
    const word = text.slice(start, end);
    let kind: Kind | undefined;
    // A pair can only match when `prev` starts some two-word keyword.
    if (prev && PAIR_HEADS.has(prev)) {
      const sep = text.slice(prevEnd, start);
      const joiner = sep === "/" ? "/" : SEPARATOR_RE.test(sep) ? " " : null;
      if (joiner) kind = lookup(prev + joiner + word);
    }
    kind ??= lookup(word);
    if (kind === "client" && isUserModifier(text, word, start, end)) kind = undefined;
    if (kind) last = kind;
    prev = word;
    prevEnd = end;
  }
  return last;
}

/**
 * "User" names a client only as the head of the label ("Users", "User 1", "User (iOS)");
 * in "User profile data", "User-Connector" or "raw-users" it qualifies something else.
 */
function isUserModifier(text: string, word: string, start: number, end: number): boolean {
  if (word !== "user" && word !== "users") return false;
  // "raw-users", "user_id": part of another name.
  if (text.charAt(start - 1) === "-" || text.charAt(end) === "_" || text.charAt(start - 1) === "_") return true;
  USER_MODIFIER_RE.lastIndex = end;
  return USER_MODIFIER_RE.test(text);
}

/** A keyword or its plural. */
function lookup(word: string): Kind | undefined {
  return KIND_BY_KEYWORD.get(word) ?? (word.endsWith("s") ? KIND_BY_KEYWORD.get(word.slice(0, -1)) : undefined);
}

/** Template-set kinds may use a few common synonyms. */
const KIND_SYNONYMS: Readonly<Record<string, Kind>> = {
  database: "db",
  loadbalancer: "lb",
  "load-balancer": "lb",
  gateway: "lb",
  "api-gateway": "lb",
  cdn: "edge",
  blob: "storage",
  "object-storage": "storage",
  broker: "queue",
  user: "client",
  monitoring: "observability",
};

/** A kind from `customData.kind`, when it names one. */
export function kindFromTag(tag: unknown): Kind | null {
  if (typeof tag !== "string") return null;
  const t = tag.trim().toLowerCase();
  if (isKind(t)) return t;
  return KIND_SYNONYMS[t] ?? null;
}

/**
 * The kind named by a label. English puts the head noun last ("User Service" is a
 * service, "Users DB" a database, "API Gateway" a gateway), so the last keyword of the
 * first line that has one wins; parenthesised asides ("Kafka (logs)") count only when
 * nothing outside them matches. Only the name is read: the first line (a long one too,
 * when it names a kind), then short lines (a wrapped name, a subtitle) up to the first
 * line of prose, more words than a name takes. In a note ("some integration / work left
 * to be done. using SQL") a keyword is part of a sentence, not what the box is.
 */
export function kindFromLabel(label: string): Kind | null {
  if (!label) return null;
  const lower = label.toLowerCase();
  // Most labels are one line: skip the split and its array.
  if (!lower.includes("\n")) return headKeyword(lower);
  const lines = lower.split("\n");
  let first = true;
  for (const line of lines) {
    const words = wordCount(line);
    // The name ended where the prose begins.
    if (!first && words > MAX_NAME_WORDS) return null;
    const found = headKeyword(line);
    if (found) return found;
    if (words > MAX_NAME_WORDS) return null;
    if (words > 0) first = false;
  }
  // Wrapped labels split words across lines ("Load\nBalancer", even "Cassandr\na").
  return headKeyword(lines.join(" ")) ?? headKeyword(lines.join(""));
}

/** Words in a line a component's name may take ("Photo Metadata Read Replica"). */
const MAX_NAME_WORDS = 4;

function wordCount(line: string): number {
  let words = 0,
    inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Parenthesised or bracketed asides: "Kafka (logs)", "DB [replica]". */
const ASIDE_RE = /\([^)]*\)|\[[^\]]*\]/g;

function headKeyword(line: string): Kind | null {
  if (line.includes("(") || line.includes("[")) {
    const outside = lastKeyword(line.replace(ASIDE_RE, " "));
    if (outside) return outside;
  }
  return lastKeyword(line);
}

const OBSERVABILITY_RE = new RegExp(`\\b(?:${KEYWORDS.observability.join("|")})\\b`, "i");

/** True when any observability keyword appears in the text (for SD018). */
export function mentionsObservability(text: string): boolean {
  return OBSERVABILITY_RE.test(text);
}
