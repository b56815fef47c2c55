/**
 * The standard backend architecture (client → CDN → load balancer → API → cache / database / queue → workers → blob storage), laid out in tier columns: the
 * read path on the top row (blue), the write path below it (dashed red), async work
 * underneath (dotted violet). Figures follow one story: 10M DAU × 100 requests/day
 * = 1B/day ≈ 11.6k QPS average, ×3 at peak ≈ 35k QPS; the CDN absorbs static assets.
 */
import { defineTemplate } from "../schema.ts";

export const standardArchitecture = defineTemplate({
  id: "standard-architecture",
  title: "Standard backend architecture",
  description:
    "Client, CDN, load balancer, API servers, cache, message queue, primary database with read replicas, workers and blob storage, with read, write and async paths drawn distinctly and example numbers on every arrow.",
  category: "architecture",
  tags: ["standard", "web", "backend", "cache", "replicas", "queue", "workers", "blob storage", "cdn", "load balancer"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "cdn", kind: "edge", label: "CDN", row: 0 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
      { id: "api", kind: "service", label: "API Servers", row: 0 },
      { id: "cache", kind: "cache", label: "Cache (Redis)", row: 0 },
      { id: "replicas", kind: "db", label: "Read Replicas", row: 0 },
      { id: "primary", kind: "db", label: "Database (Primary)", row: 1 },
      { id: "queue", kind: "queue", label: "Message Queue", row: 2 },
      { id: "workers", kind: "worker", label: "Workers", row: 3 },
      { id: "blob", kind: "storage", label: "Blob Storage", row: 3 },
    ],
    connections: [
      { from: "client", to: "cdn", label: "HTTPS 35k QPS peak" },
      { from: "cdn", to: "lb", label: "API calls 15k QPS" },
      { from: "lb", to: "api", label: "15k QPS" },
      { from: "api", to: "cache", label: "read 12k QPS", style: "read" },
      { from: "cache", to: "replicas", label: "miss: read 1.2k QPS", style: "read" },
      { from: "api", to: "primary", label: "write 3k QPS", style: "write" },
      { from: "primary", to: "replicas", label: "replicate 3k writes/s", style: "async" },
      { from: "api", to: "queue", label: "enqueue 50 msgs/s", style: "async" },
      { from: "queue", to: "workers", label: "consume 50 msgs/s", style: "async" },
      { from: "workers", to: "blob", label: "store 2 MB/upload", style: "write" },
    ],
    zones: [{ id: "async", label: "Async processing", members: ["queue", "workers"] }],
    notes: [
      { text: "Legend: black = request path · solid blue = reads · dashed red = writes · dotted violet = async." },
      {
        text: "Load: 10M DAU × 100 requests/day = 1B/day ≈ 11.6k QPS average, ×3 at peak ≈ 35k QPS; the CDN serves static assets, 15k QPS reach the API; 90% of reads hit the cache.",
      },
      {
        text: "Observability: metrics, logs and traces from every tier; alert on p99 latency, error rate and queue depth.",
      },
    ],
  },
});
