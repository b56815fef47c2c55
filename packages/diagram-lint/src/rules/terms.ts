/**
 * Vocabulary shared by several rules. Kept together so the docs and the rules agree on
 * what counts as a "response" arrow, a datastore's redundancy, and so on.
 */

/** A label that claims one arrow carries both reads and writes (SD009). */
export function mixesReadsAndWrites(label: string): boolean {
  if (RW_RE.test(label)) return true;
  if (READ_WRITE_RE.test(label)) return true;
  return READS_RE.test(label) && WRITES_RE.test(label);
}

// Module constants: literals inside the function made four RegExp objects per arrow.
const RW_RE = /\bR\s*\/\s*W\b|\bRW\b/;
const READ_WRITE_RE = /\bread[\s-]*write\b/i;
const READS_RE = /\b(?:reads?|reading)\b/i;
const WRITES_RE = /\b(?:writes?|writing)\b/i;

/** Words saying a datastore is replicated, sharded or clustered (SD010). */
export const REDUNDANCY_RE =
  /\b(?:replicas?|replicated|replication|primary|leader|followers?|master|slaves?|shards?|sharded|sharding|partition(?:s|ed)?|cluster(?:ed)?|multi[\s-]?az|standby|failover)\b|[×x]\s*\d+\b|\b\d+\s*[×x]\b/i;

/** Direct client ⇄ object storage is fine when it is a presigned upload or download (SD012). */
export const PRESIGNED_RE = /\b(?:pre[\s-]?signed|signed[\s-]?urls?|uploads?|downloads?|cdn)\b/i;

/** Edge labels that say the arrow's target is being read from, not written to (SD017). */
export const CONSUME_RE =
  /\b(?:consumes?|consuming|consumer|poll(?:s|ing)?|pulls?|subscribes?|subscription|listens?|reads?|fetch(?:es)?|dequeue)\b/i;

/** Heavyweight technologies (SD016): name → pattern. */
export const HEAVYWEIGHT: readonly (readonly [string, RegExp])[] = [
  ["Kubernetes", /\b(?:kubernetes|k8s|k3s|eks|gke|aks)\b/i],
  ["Kafka", /\bkafka\b/i],
  ["Cassandra", /\bcassandra\b/i],
  ["Elasticsearch", /\belastic\s?search\b/i],
  ["GraphQL", /\bgraphql\b/i],
  ["service mesh", /\b(?:service[\s-]mesh|istio|linkerd)\b/i],
  ["Redis", /\bredis\b/i],
  ["Spark", /\bspark\b/i],
  ["Flink", /\bflink\b/i],
  ["ZooKeeper", /\bzoo\s?keeper\b/i],
];

/** All of HEAVYWEIGHT in one pattern, one capture group per technology, for a single pass. */
export const HEAVYWEIGHT_RE = new RegExp(HEAVYWEIGHT.map(([, re]) => `(${re.source})`).join("|"), "gi");

/** Boxes that explain the diagram rather than belong to it (SD015). */
export const NOTE_RE =
  /^\s*(?:legend|key|notes?|todo|requirements?|assumptions?|functional|non[\s-]functional|estimates?|api|apis|entities|schema|capacity)\b/i;

/**
 * Words saying an arrow carries more than one call per incoming request (fan-out) or
 * traffic the component makes on its own (heartbeats, timers) (SD020).
 */
export const FAN_OUT_RE =
  /\bfan[\s-]?outs?\b|\bfanning\b|\bper\s+(?!(?:s|sec|second|min|minute|h|hr|hour|day|week|month|year)s?\b)[a-z]+|\beach\b|\bbroadcast\w*|\bmulticast\w*|\breplicat\w*|\bheartbeats?\b|\bperiodic\w*|\bevery\s+\d|\bcron\b|\bscheduled\b|\bpoll(?:s|ing)?\b|(?<![a-z])[×x]\s*\d+\b|\b\d+\s*[×x](?![a-z\d])/i;
