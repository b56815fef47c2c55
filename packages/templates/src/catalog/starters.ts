/**
 * One starter per prompt of the interview package's prompt bank: the core boxes of a reasonable first
 * design, not a full answer. Arrow figures come from the prompt's scale hints
 * (`@archboard/interview`), so the board and the estimate tell the same story. Rows are chosen so
 * arrows run between boxes, never through them.
 */
import { defineTemplate, type TemplateInput } from "../schema.ts";

type StarterInput = Omit<TemplateInput, "category" | "id"> & { promptId: string };

function starter(input: StarterInput) {
  return defineTemplate({ ...input, id: `starter-${input.promptId}`, category: "prompt-starter" });
}

export const urlShortener = starter({
  promptId: "url-shortener",
  title: "Starter: URL shortener",
  description: "Redirect path through a cache, create path to the URL store.",
  tags: ["url shortener", "base62", "hashing", "read-heavy", "cache", "redirect"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
      { id: "api", kind: "service", label: "URL Service", row: 0 },
      { id: "cache", kind: "cache", label: "URL Cache", row: 0 },
      { id: "db", kind: "db", label: "URL DB", row: 1 },
    ],
    connections: [
      { from: "client", to: "lb", label: "35k QPS peak" },
      { from: "lb", to: "api", label: "35k QPS" },
      { from: "api", to: "cache", label: "redirect lookup 35k QPS", style: "read" },
      { from: "cache", to: "db", label: "miss 3.5k QPS", style: "read" },
      { from: "api", to: "db", label: "create 350 QPS", style: "write" },
    ],
    notes: [
      { text: "Short code: base62 of a unique 64-bit id; 7 characters give 62^7 ≈ 3.5 trillion codes." },
      {
        text: "URL DB: key-value, primary + 2 replicas; ~55 TB over 10 years. 302 keeps click analytics, 301 lets browsers cache.",
      },
    ],
  },
});

export const rateLimiter = starter({
  promptId: "rate-limiter",
  title: "Starter: rate limiter",
  description: "A limiter consulted by the gateway on every request, with counters in an in-memory store.",
  tags: ["rate limiter", "token bucket", "sliding window", "redis", "429", "gateway"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "gateway", kind: "lb", label: "API Gateway", row: 0 },
      { id: "limiter", kind: "service", label: "Rate Limiter", row: 0 },
      { id: "backend", kind: "service", label: "Backend API", row: 1 },
      { id: "counters", kind: "cache", label: "Counters (Redis)", row: 0 },
      { id: "rules", kind: "db", label: "Rules DB", row: 1 },
    ],
    connections: [
      { from: "client", to: "gateway", label: "93k req/s peak" },
      { from: "gateway", to: "limiter", label: "allow? 93k QPS" },
      { from: "gateway", to: "backend", label: "allowed 90k QPS" },
      { from: "limiter", to: "counters", label: "INCR + TTL 93k ops/s", style: "write" },
      { from: "limiter", to: "rules", label: "load rules 1 req/min", style: "read" },
    ],
    notes: [
      {
        text: "Over the limit: 429 Too Many Requests with Retry-After. Token bucket per user and route: capacity 100, refill 10 tokens/s.",
      },
      {
        text: "Check-and-increment in one Lua script keeps it atomic; counters sharded by user id, a primary + replica per shard (20M counters × 100 bytes × 2 copies ≈ 4 GB, all in memory); window times come from Redis, not gateway clocks.",
      },
    ],
  },
});

export const newsFeed = starter({
  promptId: "news-feed",
  title: "Starter: news feed",
  description: "Fan-out on write into a timeline cache; feed reads served from the cache.",
  tags: ["news feed", "timeline", "twitter", "fan-out", "celebrity", "cache"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 1 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 1 },
      { id: "post", kind: "service", label: "Post Service", row: 0 },
      { id: "fanout", kind: "worker", label: "Fan-out Workers", row: 1 },
      { id: "feed", kind: "service", label: "Feed Service", row: 2 },
      { id: "queue", kind: "queue", label: "Fan-out Queue", row: 1 },
      { id: "cache", kind: "cache", label: "Timeline Cache", row: 2 },
      { id: "posts", kind: "db", label: "Posts DB", row: 0 },
    ],
    connections: [
      { from: "client", to: "lb", label: "142k QPS peak" },
      { from: "lb", to: "post", label: "new post 3.5k QPS", style: "write" },
      { from: "lb", to: "feed", label: "get feed 139k QPS", style: "read" },
      { from: "post", to: "posts", label: "insert 3.5k QPS", style: "write" },
      { from: "post", to: "queue", label: "post.created 3.5k msgs/s", style: "async" },
      { from: "queue", to: "fanout", label: "consume 3.5k msgs/s", style: "async" },
      { from: "fanout", to: "cache", label: "push ids 350k writes/s", style: "write" },
      { from: "feed", to: "cache", label: "timeline 139k QPS", style: "read" },
      { from: "cache", to: "posts", label: "hydrate miss 14k QPS", style: "read" },
    ],
    notes: [
      {
        text: "Fan-out on write: each post id is pushed to every follower's timeline (avg 100 followers). Celebrities (> 1M followers) are merged in at read time instead.",
      },
      {
        text: "Timeline cache keeps the latest 800 ids per user, TTL 7 days. Posts DB: sharded by post id, 3 replicas.",
      },
    ],
  },
});

export const chat = starter({
  promptId: "chat",
  title: "Starter: chat (WhatsApp)",
  description: "WebSocket chat servers with presence, a message store and an offline path.",
  tags: ["chat", "whatsapp", "websocket", "presence", "messaging", "offline"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Mobile Client", row: 0 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
      { id: "chat", kind: "service", label: "Chat Servers", row: 0 },
      { id: "presence", kind: "cache", label: "Presence Cache", row: 1 },
      { id: "offline", kind: "queue", label: "Offline Queue", row: 2 },
      { id: "push", kind: "worker", label: "Push Workers", row: 3 },
      { id: "store", kind: "db", label: "Message Store", row: 0 },
    ],
    connections: [
      { from: "client", to: "lb", label: "WebSocket 463k msgs/s" },
      { from: "lb", to: "chat", label: "463k msgs/s peak" },
      { from: "chat", to: "store", label: "append 463k writes/s", style: "write" },
      { from: "chat", to: "presence", label: "heartbeat 3.3M ops/s", style: "write" },
      { from: "chat", to: "offline", label: "offline 46k msgs/s", style: "async" },
      { from: "offline", to: "push", label: "consume 46k msgs/s", style: "async" },
    ],
    notes: [
      {
        text: "Presence maps user → chat server; a server forwards a message to the recipient's server, or to the offline queue. Push workers send APNs/FCM; the app syncs from the store on reconnect.",
      },
      {
        text: "Ordering: per-conversation sequence numbers. Message Store partitioned by conversation id, 3 replicas. Long-polling fallback when WebSockets are blocked.",
      },
    ],
  },
});

export const videoStreaming = starter({
  promptId: "video-streaming",
  title: "Starter: video streaming",
  description: "Playback from the CDN, uploads into object storage, a transcoding pipeline through a queue.",
  tags: ["video", "youtube", "netflix", "cdn", "transcoding", "object storage", "streaming"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "cdn", kind: "edge", label: "CDN", row: 0 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 2 },
      { id: "api", kind: "service", label: "Video API", row: 2 },
      { id: "transcoders", kind: "worker", label: "Transcode Workers", row: 1 },
      { id: "queue", kind: "queue", label: "Transcode Queue", row: 1 },
      { id: "videos", kind: "storage", label: "Video Storage", row: 0 },
      { id: "meta", kind: "db", label: "Metadata DB", row: 2 },
    ],
    connections: [
      { from: "client", to: "cdn", label: "stream 50 Tbps peak", style: "read" },
      { from: "cdn", to: "videos", label: "origin fetch 2.5 Tbps", style: "read" },
      { from: "client", to: "lb", label: "API 17k QPS peak" },
      { from: "lb", to: "api", label: "17k QPS" },
      { from: "api", to: "meta", label: "video info 17k QPS", style: "read" },
      { from: "api", to: "queue", label: "transcode job 3.5 msgs/s", style: "async" },
      { from: "queue", to: "transcoders", label: "consume 3.5 msgs/s", style: "async" },
      { from: "transcoders", to: "videos", label: "renditions 300 MB/video", style: "write" },
    ],
    notes: [
      {
        text: "Chunked HLS/DASH: 4-second segments in 5 renditions (240p–4K); the CDN serves ~95% of bytes. Peak: 10M concurrent viewers × 5 Mbps = 50 Tbps.",
      },
      {
        text: "Uploads go straight to a raw bucket through a presigned URL; the job names the object. Renditions: 100k uploads/day × 300 MB ≈ 11 PB a year. Metadata DB: primary + replicas, sharded by video id.",
      },
    ],
  },
});

export const rideSharing = starter({
  promptId: "ride-sharing",
  title: "Starter: ride sharing (Uber)",
  description: "Driver locations into a geospatial index and an event stream; ride requests matched against the index.",
  tags: ["uber", "ride sharing", "geospatial", "location", "matching", "event streaming"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Rider & Driver Apps", row: 1 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 1 },
      { id: "location", kind: "service", label: "Location Service", row: 0 },
      { id: "ride", kind: "service", label: "Ride Service", row: 2 },
      { id: "stream", kind: "queue", label: "Location Stream", row: 0 },
      { id: "geo", kind: "cache", label: "Geo Index (Redis)", row: 1 },
      { id: "history", kind: "db", label: "Location History", row: 0 },
      { id: "trips", kind: "db", label: "Trips DB", row: 2 },
    ],
    connections: [
      { from: "client", to: "lb", label: "835k QPS peak" },
      { from: "lb", to: "location", label: "GPS ping 833k writes/s", style: "write" },
      { from: "lb", to: "ride", label: "request ride 1.2k QPS" },
      { from: "location", to: "geo", label: "update 833k writes/s", style: "write" },
      { from: "location", to: "stream", label: "publish 833k events/s", style: "async" },
      { from: "stream", to: "history", label: "sink 833k events/s", style: "async" },
      { from: "ride", to: "geo", label: "nearby drivers 1.2k QPS", style: "read" },
      { from: "ride", to: "trips", label: "create trip 1.2k QPS", style: "write" },
    ],
    notes: [
      {
        text: "Drivers ping every 4 s; the geo index keeps the latest position per driver in geohash cells. Partition by city / geohash prefix so one busy city cannot overload a shard.",
      },
      {
        text: "Matching: nearest available drivers in the rider's cell and its neighbours, offered one at a time with a 10 s timeout. Trips DB: primary + replica.",
      },
    ],
  },
});

export const paymentSystem = starter({
  promptId: "payment-system",
  title: "Starter: payment system",
  description:
    "Idempotent payment API, a transactional ledger, the external processor, events for fraud and notifications.",
  tags: ["payments", "idempotency", "ledger", "transactions", "fraud", "psp"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "gateway", kind: "lb", label: "API Gateway", row: 0 },
      { id: "payment", kind: "service", label: "Payment Service", row: 0 },
      { id: "psp", kind: "service", label: "Payment Processor (PSP)", row: 1 },
      { id: "workers", kind: "worker", label: "Fraud & Notify Workers", row: 2 },
      { id: "keys", kind: "cache", label: "Idempotency Keys", row: 0 },
      { id: "events", kind: "queue", label: "Payment Events", row: 1 },
      { id: "ledger", kind: "db", label: "Ledger DB", row: 1 },
    ],
    connections: [
      { from: "client", to: "gateway", label: "POST /pay 2.3k TPS peak" },
      { from: "gateway", to: "payment", label: "2.3k TPS" },
      { from: "payment", to: "keys", label: "SETNX key 2.3k QPS", style: "write" },
      { from: "payment", to: "ledger", label: "txn 2.3k TPS", style: "write" },
      { from: "payment", to: "psp", label: "charge 2.3k TPS" },
      { from: "payment", to: "events", label: "payment.done 2.3k msgs/s", style: "async" },
      { from: "events", to: "workers", label: "consume 2.3k msgs/s", style: "async" },
    ],
    notes: [
      {
        text: "Idempotency key per request (client-generated): a retry returns the first result instead of charging twice; keys kept 24 h.",
      },
      {
        text: "Ledger DB: relational, primary + synchronous replica, double-entry rows: consistency over availability. Nightly reconciliation against the PSP's settlement file.",
      },
    ],
  },
});

export const notificationService = starter({
  promptId: "notification-service",
  title: "Starter: notification service",
  description: "An API that checks preferences and enqueues; sender workers deliver with retries and record status.",
  tags: ["notifications", "push", "email", "sms", "queue", "retries", "dead-letter"],
  diagram: {
    type: "flow",
    components: [
      { id: "callers", kind: "client", label: "Calling Services", row: 0 },
      { id: "api", kind: "service", label: "Notification API", row: 0 },
      { id: "senders", kind: "worker", label: "Sender Workers", row: 2 },
      { id: "providers", kind: "service", label: "APNs / FCM / Email", row: 3 },
      { id: "queue", kind: "queue", label: "Send Queue", row: 1 },
      { id: "prefs", kind: "db", label: "Preferences DB", row: 0 },
      { id: "log", kind: "db", label: "Delivery Log", row: 2 },
    ],
    connections: [
      { from: "callers", to: "api", label: "send 29k req/s peak" },
      { from: "api", to: "prefs", label: "read prefs 29k QPS", style: "read" },
      { from: "api", to: "queue", label: "enqueue 29k msgs/s", style: "async" },
      { from: "queue", to: "senders", label: "consume 29k msgs/s", style: "async" },
      { from: "senders", to: "providers", label: "deliver 29k req/s" },
      { from: "senders", to: "log", label: "status 29k writes/s", style: "write" },
    ],
    notes: [
      {
        text: "Retries with exponential backoff (1 s, 2 s, 4 s …, at most 5), then a dead-letter queue for inspection and replay.",
      },
      {
        text: "Preferences and quiet hours checked before enqueueing; dedupe on notification id. One queue per channel so a slow email provider cannot delay pushes.",
      },
    ],
  },
});

export const fileUpload = starter({
  promptId: "file-upload",
  title: "Starter: file upload pipeline",
  description: "Presigned uploads straight to object storage; storage events drive scanning workers.",
  tags: ["file upload", "presigned url", "object storage", "s3", "virus scan", "resumable"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 2 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
      { id: "api", kind: "service", label: "Upload API", row: 0 },
      { id: "workers", kind: "worker", label: "Scan Workers", row: 1 },
      { id: "queue", kind: "queue", label: "Scan Queue", row: 1 },
      { id: "files", kind: "db", label: "Files DB", row: 0 },
      { id: "storage", kind: "storage", label: "Object Storage", row: 2 },
    ],
    connections: [
      { from: "client", to: "lb", label: "get upload URL 116 QPS" },
      { from: "lb", to: "api", label: "116 QPS" },
      { from: "api", to: "files", label: "create record 116 writes/s", style: "write" },
      { from: "client", to: "storage", label: "presigned PUT 2 MB/file", style: "write" },
      { from: "storage", to: "queue", label: "object created 116 events/s", style: "async" },
      { from: "queue", to: "workers", label: "consume 116 msgs/s", style: "async" },
      { from: "workers", to: "storage", label: "scan 2 MB/file", style: "read" },
      { from: "workers", to: "files", label: "status 116 writes/s", style: "write" },
    ],
    notes: [
      {
        text: "Files stay quarantined until the virus scan marks them clean. Files over 100 MB use multipart upload (10 MB parts) so an interrupted upload resumes from the last part.",
      },
      {
        text: "Files DB: primary + replica. Peak ingest 116 uploads/s × 2 MB ≈ 232 MB/s, straight into storage, not through the API.",
      },
    ],
  },
});

export const jobScheduler = starter({
  promptId: "job-scheduler",
  title: "Starter: job scheduler",
  description: "Jobs stored durably, a leader-elected scheduler enqueueing due runs, idempotent workers.",
  tags: ["job scheduler", "cron", "queue", "at-least-once", "leader election", "workers"],
  diagram: {
    type: "flow",
    components: [
      { id: "client", kind: "client", label: "Client", row: 0 },
      { id: "api", kind: "service", label: "Scheduler API", row: 0 },
      { id: "scheduler", kind: "service", label: "Scheduler ×3 (1 leader)", row: 1 },
      { id: "workers", kind: "worker", label: "Job Workers", row: 2 },
      { id: "queue", kind: "queue", label: "Job Queue", row: 1 },
      { id: "jobs", kind: "db", label: "Jobs DB", row: 0 },
      { id: "runs", kind: "db", label: "Run History", row: 2 },
    ],
    connections: [
      { from: "client", to: "api", label: "create job 1.2k QPS" },
      { from: "api", to: "jobs", label: "insert 1.2k writes/s", style: "write" },
      { from: "scheduler", to: "jobs", label: "due runs 11.6k QPS", style: "read" },
      { from: "scheduler", to: "queue", label: "enqueue 11.6k msgs/s", style: "async" },
      { from: "queue", to: "workers", label: "consume 11.6k msgs/s", style: "async" },
      { from: "workers", to: "runs", label: "status 11.6k writes/s", style: "write" },
    ],
    notes: [
      {
        text: "At-least-once: a run not acked within its visibility timeout is delivered again, so workers dedupe on run id. Cron schedules are expanded into runs an hour ahead; the top of the hour peaks at ×10.",
      },
      {
        text: "Leader election through a lease in the Jobs DB (primary + replica); followers take over when the lease expires.",
      },
    ],
  },
});

export const metricsIngestion = starter({
  promptId: "metrics-ingestion",
  title: "Starter: metrics ingestion",
  description:
    "Agents push through an ingest tier into a partitioned stream; writers batch into a time-series store; dashboards query it.",
  tags: ["metrics", "time series", "ingestion", "kafka", "downsampling", "monitoring"],
  diagram: {
    type: "flow",
    components: [
      { id: "agents", kind: "client", label: "Host Agents", row: 0 },
      { id: "dashboards", kind: "client", label: "Dashboards", row: 2 },
      { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
      { id: "ingest", kind: "service", label: "Ingest Service", row: 0 },
      { id: "writers", kind: "worker", label: "TSDB Writers", row: 1 },
      { id: "query", kind: "service", label: "Query Service", row: 2 },
      { id: "stream", kind: "queue", label: "Metrics Stream", row: 0 },
      { id: "tsdb", kind: "db", label: "Time-Series DB", row: 1 },
    ],
    connections: [
      { from: "agents", to: "lb", label: "push 2M events/s peak" },
      { from: "lb", to: "ingest", label: "2M events/s" },
      { from: "ingest", to: "stream", label: "publish 2M events/s", style: "async" },
      { from: "stream", to: "writers", label: "consume 2M events/s", style: "async" },
      { from: "writers", to: "tsdb", label: "batched 2M events/s", style: "write" },
      { from: "dashboards", to: "query", label: "query 2k QPS", style: "read" },
      { from: "query", to: "tsdb", label: "range scan 2k QPS", style: "read" },
    ],
    notes: [
      {
        text: "Stream partitions keyed by series (metric + tags): per-series order, writers scale with partitions. Raw points kept 15 days, then downsampled to 1-minute and 1-hour rollups kept a year.",
      },
      { text: "Time-Series DB sharded by series id, 3 replicas; ~7.8 TB of raw points." },
    ],
  },
});

/** In the order of the prompt bank. */
export const starters = [
  urlShortener,
  rateLimiter,
  newsFeed,
  chat,
  videoStreaming,
  rideSharing,
  paymentSystem,
  notificationService,
  fileUpload,
  jobScheduler,
  metricsIngestion,
];
