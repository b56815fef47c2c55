/**
 * Fragments inserted next to a selected element. Each names its anchor: the component
 * standing for the selection, drawn only when the block is previewed on its own.
 */
import { defineTemplate } from "../schema.ts";

/** Select a database or store, then put a cache in front of it (to its left, one row up). */
export const addCache = defineTemplate({
  id: "block-add-cache",
  title: "Add a cache in front of this",
  description: "Puts a read-through cache in front of the selected datastore; point your service's reads at the cache.",
  category: "building-block",
  tags: ["cache", "redis", "read path", "read-through", "latency"],
  diagram: {
    type: "flow",
    anchor: "store",
    components: [
      { id: "cache", kind: "cache", label: "Cache", row: 0 },
      { id: "store", kind: "db", label: "Database (primary)", row: 1 },
    ],
    connections: [{ from: "cache", to: "store", label: "miss: read 1k QPS", style: "read" }],
  },
});

/** Select the primary database, then add replicas under it. */
export const addReadReplicas = defineTemplate({
  id: "block-add-read-replicas",
  title: "Add read replicas",
  description: "Adds read replicas under the selected primary database, fed by async replication; send reads to them.",
  category: "building-block",
  tags: ["replicas", "replication", "read path", "database", "scaling reads"],
  diagram: {
    type: "flow",
    anchor: "primary",
    components: [
      { id: "primary", kind: "db", label: "Database (primary)", row: 0 },
      { id: "replicas", kind: "db", label: "Read Replicas ×2", row: 1 },
    ],
    connections: [{ from: "primary", to: "replicas", label: "async replication 1k writes/s", style: "async" }],
  },
});

/** Select a service, then hand its slow work to a queue and workers. */
export const addQueueAndWorkers = defineTemplate({
  id: "block-add-queue-workers",
  title: "Add a queue and workers",
  description: "Moves slow work off the request path: the selected service enqueues jobs, workers consume them.",
  category: "building-block",
  tags: ["queue", "workers", "async", "background jobs", "decoupling"],
  diagram: {
    type: "flow",
    anchor: "service",
    components: [
      { id: "service", kind: "service", label: "API Servers", row: 0 },
      { id: "queue", kind: "queue", label: "Job Queue", row: 1 },
      { id: "workers", kind: "worker", label: "Workers", row: 2 },
    ],
    connections: [
      { from: "service", to: "queue", label: "enqueue 200 msgs/s", style: "async" },
      { from: "queue", to: "workers", label: "consume 200 msgs/s", style: "async" },
    ],
  },
});

export const buildingBlocks = [addCache, addReadReplicas, addQueueAndWorkers];
