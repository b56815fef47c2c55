/**
 * The prompt bank: the eleven classic system-design prompts, each with what the
 * interviewer reads out, scale hints worked through with round numbers (the formulas
 * are in prompt-schema.ts), what the prompt tests and deep-dive follow-ups, plus the
 * checklist, phases and rubric (round.ts).
 * Figures were computed, then rounded to three significant digits; prompts.test.ts
 * recomputes every one from its inputs.
 */
import { clarifyingQuestions, phases, rubric } from "./round.ts";
import { PromptBankSchema, type Prompt, type PromptBank } from "./prompt-schema.ts";

const prompts: Prompt[] = [
  {
    id: "url-shortener",
    title: "URL shortener",
    statement:
      "Design a URL shortening service like bit.ly. A user pastes a long URL and gets a short link; anyone opening the short link is redirected to the original. Expect around 100 million daily active users, and links should keep working for years.",
    scale: {
      traffic: [
        {
          what: "redirects",
          actors: 100e6,
          actorUnit: "DAU",
          perActorPerDay: 10,
          perDay: 1e9,
          avgPerSecond: 11_600,
          peakFactor: 3,
          peakPerSecond: 34_700,
          text: "100M DAU × 10 redirects/day = 1B/day ≈ 11,600/s average; ×3 at peak ≈ 34,700/s.",
        },
        {
          what: "new short URLs",
          actors: 100e6,
          actorUnit: "DAU",
          perActorPerDay: 0.1,
          perDay: 10e6,
          avgPerSecond: 116,
          peakFactor: 3,
          peakPerSecond: 347,
          text: "100M DAU × 0.1 new URLs/day = 10M/day ≈ 116/s average; ×3 at peak ≈ 347/s: reads outnumber writes 100 to 1.",
        },
      ],
      storage: {
        what: "URL records",
        itemsPerDay: 10e6,
        bytesPerItem: 500,
        retentionDays: 3650,
        replication: 3,
        totalBytes: 55e12,
        text: "10M URLs/day × 500 bytes × 3,650 days × 3 copies ≈ 55 TB over ten years.",
      },
    },
    interviewerHints: [
      "Short ids: base62 encoding of a counter or hash; 7 characters give 62^7 ≈ 3.5 trillion codes. Collisions and guessability.",
      "Read-heavy (100:1): a cache in front of the store serves hot links; redirect latency matters more than create latency.",
      "DB choice follows the storage estimate: tens of TB of small key-value records fit a key-value store or sharded SQL.",
      "301 vs 302: permanent redirects are cached by browsers and lose click analytics.",
    ],
    followUps: [
      "How do you generate unique ids across many servers without a single counter becoming a bottleneck?",
      "A link goes viral: what happens to the cache and the shard holding it? (hot partitions, thundering herd)",
      "How do you support custom aliases and expiry dates?",
      "How would you collect click analytics without slowing redirects?",
    ],
    starterTemplateId: "starter-url-shortener",
  },
  {
    id: "rate-limiter",
    title: "Rate limiter",
    statement:
      "Design a rate limiter for our public API. Each user or API key may make only a limited number of requests per time window; requests over the limit are rejected. It sits in front of every API server, so it must add very little latency.",
    scale: {
      traffic: [
        {
          what: "limit checks",
          actors: 20e6,
          actorUnit: "DAU",
          perActorPerDay: 100,
          perDay: 2e9,
          avgPerSecond: 23_100,
          peakFactor: 4,
          peakPerSecond: 92_600,
          text: "20M DAU × 100 API calls/day = 2B/day ≈ 23,100/s average; ×4 at peak ≈ 92,600/s, each one checked.",
        },
      ],
      storage: {
        what: "counters",
        itemsPerDay: 20e6,
        bytesPerItem: 100,
        retentionDays: 1,
        replication: 2,
        totalBytes: 4e9,
        text: "20M counters/day × 100 bytes × 1 day × 2 copies ≈ 4 GB: it fits in memory.",
      },
    },
    interviewerHints: [
      "Algorithms: token bucket vs fixed window vs sliding window log/counter; burst behaviour and memory cost of each.",
      "Distributed counting: atomic increments in Redis (INCR + EXPIRE or a Lua script) rather than read-modify-write.",
      "Reject with 429 Too Many Requests and a Retry-After header; decide fail-open or fail-closed if the counter store is down.",
      "Distributed clocks: window boundaries from one time source, not each gateway's clock.",
    ],
    followUps: [
      "The counter store is unreachable: do you let traffic through or block it?",
      "One customer's key receives most of the traffic and its shard is hot: what do you do?",
      "How do you change limits per customer without redeploying?",
      "How would local in-memory buckets plus periodic sync change accuracy and latency?",
    ],
    starterTemplateId: "starter-rate-limiter",
  },
  {
    id: "news-feed",
    title: "News feed / Twitter timeline",
    statement:
      "Design the home timeline of a social network like Twitter. Users post short messages and follow other users; the home feed shows recent posts from the people they follow, newest first. Assume 200 million daily active users who mostly read.",
    scale: {
      traffic: [
        {
          what: "feed reads",
          actors: 200e6,
          actorUnit: "DAU",
          perActorPerDay: 20,
          perDay: 4e9,
          avgPerSecond: 46_300,
          peakFactor: 3,
          peakPerSecond: 139_000,
          text: "200M DAU × 20 feed reads/day = 4B/day ≈ 46,300/s average; ×3 at peak ≈ 139k/s.",
        },
        {
          what: "posts",
          actors: 200e6,
          actorUnit: "DAU",
          perActorPerDay: 0.5,
          perDay: 100e6,
          avgPerSecond: 1_160,
          peakFactor: 3,
          peakPerSecond: 3_470,
          text: "200M DAU × 0.5 posts/day = 100M/day ≈ 1,160/s average; ×3 at peak ≈ 3,470/s.",
        },
      ],
      storage: {
        what: "posts",
        itemsPerDay: 100e6,
        bytesPerItem: 1e3,
        retentionDays: 1825,
        replication: 3,
        totalBytes: 548e12,
        text: "100M posts/day × 1 KB × 1,825 days × 3 copies ≈ 548 TB over five years (media stored separately).",
      },
    },
    interviewerHints: [
      "Fan-out on write (push to followers' timelines) vs fan-out on read (merge at read time), and the hybrid.",
      "The celebrity problem: an account with millions of followers makes fan-out on write explode.",
      "Timeline cache of post ids per user with a TTL; hydrate post bodies from a post cache/store.",
      "Read scalability: reads outnumber posts about 40 to 1.",
    ],
    followUps: [
      "A celebrity with 50M followers posts: walk me through what happens.",
      "How do you keep the timeline cache consistent when a post is deleted? (cache invalidation)",
      "The fan-out queue backs up during a big event: what breaks, and how do you recover? (backpressure)",
      "How would you rank the feed instead of sorting by time?",
    ],
    starterTemplateId: "starter-news-feed",
  },
  {
    id: "chat",
    title: "Chat (WhatsApp)",
    statement:
      "Design a one-to-one and small-group chat service like WhatsApp. Messages should arrive in real time when the recipient is online, and be delivered when they come back online. Show whether a contact is online. Assume 500 million daily active users.",
    scale: {
      traffic: [
        {
          what: "messages",
          actors: 500e6,
          actorUnit: "DAU",
          perActorPerDay: 40,
          perDay: 20e9,
          avgPerSecond: 231_000,
          peakFactor: 2,
          peakPerSecond: 463_000,
          text: "500M DAU × 40 messages/day = 20B/day ≈ 231k/s average; ×2 at peak ≈ 463k/s.",
        },
      ],
      storage: {
        what: "messages",
        itemsPerDay: 20e9,
        bytesPerItem: 100,
        retentionDays: 365,
        replication: 3,
        totalBytes: 2.19e15,
        text: "20B messages/day × 100 bytes × 365 days × 3 copies ≈ 2.19 PB a year of text.",
      },
    },
    interviewerHints: [
      "Persistent connections: WebSockets from clients to chat servers; long-polling as the fallback.",
      "Presence: heartbeats into a fast store, user → connected server mapping, fan-out of status to contacts.",
      "Message ordering per conversation (sequence numbers), delivery/read receipts, at-least-once with dedupe.",
      "Offline sync: store-and-forward, push notifications, client resumes from its last seen sequence number.",
    ],
    followUps: [
      "A chat server holding 1M connections dies: what happens to those users and in-flight messages?",
      "How do you guarantee order when two messages are sent at the same moment from two devices?",
      "How does group chat change fan-out for a 500-member group?",
      "How would end-to-end encryption change what the server can store and search?",
    ],
    starterTemplateId: "starter-chat",
  },
  {
    id: "video-streaming",
    title: "Video streaming (YouTube/Netflix)",
    statement:
      "Design a video platform like YouTube. Creators upload videos; viewers around the world watch them on phones, TVs and browsers with little buffering. Assume 100 million daily active viewers and about 100,000 uploads a day.",
    scale: {
      traffic: [
        {
          what: "video views",
          actors: 100e6,
          actorUnit: "DAU",
          perActorPerDay: 5,
          perDay: 500e6,
          avgPerSecond: 5_790,
          peakFactor: 3,
          peakPerSecond: 17_400,
          text: "100M DAU × 5 views/day = 500M/day ≈ 5,790/s average; ×3 at peak ≈ 17,400/s.",
        },
      ],
      storage: {
        what: "transcoded video",
        itemsPerDay: 100e3,
        bytesPerItem: 300e6,
        retentionDays: 365,
        replication: 1,
        totalBytes: 11e15,
        text: "100k uploads/day × 300 MB × 365 days × 1 copy (the object store replicates) ≈ 11 PB a year.",
      },
      bandwidth: {
        what: "segment delivery",
        perSecond: 2.5e6,
        bytesPerRequest: 2.5e6,
        bytesPerSecond: 6.25e12,
        text: "2.5M segment requests/s × 2.5 MB ≈ 6.25 TB/s at peak (10M viewers at 5 Mbps ≈ 50 Tbps), served by the CDN.",
      },
    },
    interviewerHints: [
      "The CDN carries the bytes; the origin (object storage) only sees cache misses.",
      "Chunking into short segments (HLS/DASH) with adaptive bitrate across several renditions.",
      "Transcoding pipeline: upload → queue → parallel transcoding workers → object storage → metadata update.",
      "Geographic caching: push popular content to edge locations, long tail served from regional caches.",
    ],
    followUps: [
      "A video goes viral in one country: how do the CDN and origin cope? (hot content, cache stampede)",
      "A transcoding worker crashes halfway through a 2-hour video: how do you resume? (failure recovery)",
      "How do you make an upload of a 10 GB file resumable?",
      "How do you store and serve view counts that update millions of times a minute?",
    ],
    starterTemplateId: "starter-video-streaming",
  },
  {
    id: "ride-sharing",
    title: "Ride sharing (Uber)",
    statement:
      "Design the core of a ride-sharing app like Uber. Riders request a ride and are matched with a nearby available driver; both see each other's position live until pickup. Assume 5 million active drivers and 20 million riders a day.",
    scale: {
      traffic: [
        {
          what: "location updates",
          actors: 5e6,
          actorUnit: "drivers",
          perActorPerDay: 7200,
          perDay: 36e9,
          avgPerSecond: 417_000,
          peakFactor: 2,
          peakPerSecond: 833_000,
          text: "5M drivers × 7,200 updates/day = 36B/day ≈ 417k/s average; ×2 at peak ≈ 833k/s (a ping every 4 s over 8 h online).",
        },
        {
          what: "ride requests",
          actors: 20e6,
          actorUnit: "DAU",
          perActorPerDay: 1,
          perDay: 20e6,
          avgPerSecond: 231,
          peakFactor: 5,
          peakPerSecond: 1_160,
          text: "20M DAU × 1 ride/day = 20M/day ≈ 231/s average; ×5 at peak ≈ 1,160/s.",
        },
      ],
      storage: {
        what: "location history",
        itemsPerDay: 36e9,
        bytesPerItem: 50,
        retentionDays: 30,
        replication: 3,
        totalBytes: 162e12,
        text: "36B updates/day × 50 bytes × 30 days × 3 copies ≈ 162 TB of recent history.",
      },
    },
    interviewerHints: [
      "Real-time location: frequent driver pings, only the latest position needed for matching.",
      "Geospatial index: geohash, quadtree or S2 cells; nearest-driver queries over a cell and its neighbours.",
      "Matching: offer to one driver at a time with a timeout, avoid double-booking a driver (locking).",
      "Partition locations by region/cell; event streaming for history, ETA and surge pricing.",
    ],
    followUps: [
      "A stadium empties and one geohash cell gets 100× the load: what happens? (hot partition)",
      "Two riders are offered the same driver at the same moment: how do you prevent double-booking? (distributed locking)",
      "The location stream lags by a minute: what breaks for riders? (replication lag, backpressure)",
      "How would you compute surge pricing per area in near real time?",
    ],
    starterTemplateId: "starter-ride-sharing",
  },
  {
    id: "payment-system",
    title: "Payment system",
    statement:
      "Design the payment backend of an online store. A customer pays at checkout; we charge them through an external payment processor and record the result. Money must never be charged twice or lost, even when requests are retried.",
    scale: {
      traffic: [
        {
          what: "payments",
          actors: 10e6,
          actorUnit: "DAU",
          perActorPerDay: 2,
          perDay: 20e6,
          avgPerSecond: 231,
          peakFactor: 10,
          peakPerSecond: 2_310,
          text: "10M DAU × 2 payments/day = 20M/day ≈ 231/s average; ×10 at peak (sales days) ≈ 2,310/s.",
        },
      ],
      storage: {
        what: "ledger entries",
        itemsPerDay: 20e6,
        bytesPerItem: 2e3,
        retentionDays: 2555,
        replication: 3,
        totalBytes: 307e12,
        text: "20M payments/day × 2 KB × 2,555 days × 3 copies ≈ 307 TB, kept seven years for audits.",
      },
    },
    interviewerHints: [
      "Idempotency keys: a retried request returns the first result; the key is stored before calling the processor.",
      "Consistency over availability: ACID transactions, a double-entry ledger, synchronous replication.",
      "The external processor is slow and unreliable: timeouts, retries with the same idempotency key, reconciliation.",
      "Fraud handling: risk scoring before the charge, asynchronous review after it.",
    ],
    followUps: [
      "The processor times out: did the charge happen? Walk me through recovery.",
      "Two requests with the same idempotency key arrive at the same moment on two servers: what happens? (database contention)",
      "The primary database fails over mid-transaction: what does the customer see?",
      "How do you reconcile your ledger with the processor's settlement file?",
    ],
    starterTemplateId: "starter-payment-system",
  },
  {
    id: "notification-service",
    title: "Notification service",
    statement:
      "Design a notification service that other teams call to reach users by push, email or SMS. It must respect each user's preferences and quiet hours, and deliver reliably even when a provider is slow or down. Assume 100 million daily active users.",
    scale: {
      traffic: [
        {
          what: "notifications",
          actors: 100e6,
          actorUnit: "DAU",
          perActorPerDay: 5,
          perDay: 500e6,
          avgPerSecond: 5_790,
          peakFactor: 5,
          peakPerSecond: 28_900,
          text: "100M DAU × 5 notifications/day = 500M/day ≈ 5,790/s average; ×5 at peak ≈ 28,900/s.",
        },
      ],
      storage: {
        what: "delivery log",
        itemsPerDay: 500e6,
        bytesPerItem: 500,
        retentionDays: 90,
        replication: 3,
        totalBytes: 67.5e12,
        text: "500M notifications/day × 500 bytes × 90 days × 3 copies ≈ 67.5 TB of delivery history.",
      },
    },
    interviewerHints: [
      "Queues decouple callers from delivery; one queue (or partition) per channel isolates slow providers.",
      "Fan-out: one event to many users (a broadcast) vs one notification to one user.",
      "Retries with exponential backoff and jitter; a dead-letter queue after the last attempt.",
      "User preferences, quiet hours, rate caps per user; dedupe by notification id.",
    ],
    followUps: [
      "The email provider is down for an hour: what happens to the queue and to retries? (retry storms, backpressure)",
      "Marketing sends one notification to all 100M users: how do you spread the load? (fan-out bottleneck)",
      "How do you avoid sending the same push twice after a worker crashes mid-send?",
      "How would you show a user the history of what was sent to them?",
    ],
    starterTemplateId: "starter-notification-service",
  },
  {
    id: "file-upload",
    title: "File upload pipeline",
    statement:
      "Design the file upload feature of a document-sharing product. Users upload files from the browser or phone, sometimes over bad connections; every file is scanned for viruses and gets a preview before others can open it. Assume a million daily active users.",
    scale: {
      traffic: [
        {
          what: "uploads",
          actors: 1e6,
          actorUnit: "DAU",
          perActorPerDay: 2,
          perDay: 2e6,
          avgPerSecond: 23.1,
          peakFactor: 5,
          peakPerSecond: 116,
          text: "1M DAU × 2 uploads/day = 2M/day ≈ 23/s average; ×5 at peak ≈ 116/s.",
        },
      ],
      storage: {
        what: "files",
        itemsPerDay: 2e6,
        bytesPerItem: 2e6,
        retentionDays: 365,
        replication: 1,
        totalBytes: 1.46e15,
        text: "2M files/day × 2 MB × 365 days × 1 copy (the object store replicates) ≈ 1.46 PB a year.",
      },
      bandwidth: {
        what: "upload ingest",
        perSecond: 116,
        bytesPerRequest: 2e6,
        bytesPerSecond: 232e6,
        text: "116 uploads/s × 2 MB ≈ 232 MB/s at peak, straight into object storage.",
      },
    },
    interviewerHints: [
      "Presigned URLs: the client uploads straight to object storage; the API never carries the bytes.",
      "Storage events trigger async processing workers: virus scan, thumbnails/previews, metadata extraction.",
      "Resumable uploads: multipart with per-part retries, resume from the last acknowledged part.",
      "Files stay quarantined until scanned; metadata records the state machine.",
    ],
    followUps: [
      "A user uploads a 5 GB video over a flaky train connection: how does it finish?",
      "The virus scanner falls behind by hours: what do users see, and how do you catch up? (queue backpressure)",
      "The same file is uploaded by a million users: would you deduplicate, and how?",
      "A worker crashes after scanning but before updating the record: what happens? (failure recovery)",
    ],
    starterTemplateId: "starter-file-upload",
  },
  {
    id: "job-scheduler",
    title: "Job scheduler",
    statement:
      "Design a distributed job scheduler. Teams submit jobs to run once at a given time or on a cron schedule; each run must happen even if machines fail, and should not be lost or silently skipped. Assume ten thousand teams scheduling about 100 million runs a day.",
    scale: {
      traffic: [
        {
          what: "job runs",
          actors: 10e3,
          actorUnit: "tenants",
          perActorPerDay: 10_000,
          perDay: 100e6,
          avgPerSecond: 1_160,
          peakFactor: 10,
          peakPerSecond: 11_600,
          text: "10k tenants × 10,000 runs/day = 100M/day ≈ 1,160/s average; ×10 at the top of the hour ≈ 11,600/s.",
        },
      ],
      storage: {
        what: "run records",
        itemsPerDay: 100e6,
        bytesPerItem: 1e3,
        retentionDays: 30,
        replication: 3,
        totalBytes: 9e12,
        text: "100M runs/day × 1 KB × 30 days × 3 copies ≈ 9 TB of run history.",
      },
    },
    interviewerHints: [
      "Durable storage of jobs and a durable queue of due runs; nothing lives only in memory.",
      "At-least-once delivery with visibility timeouts, so workers must be idempotent (dedupe on run id).",
      "Cron fan-out: expanding schedules into runs ahead of time; the top-of-hour spike.",
      "Leader election (lease/lock) for the scheduler that picks due runs, or partitioned schedulers.",
    ],
    followUps: [
      "The scheduler leader dies while enqueueing the 9:00 batch: are runs lost or doubled?",
      "At 00:00 every tenant's daily job fires at once: how do you smooth it? (thundering herd)",
      "A job keeps failing: how do retries avoid flooding the workers? (retry storms)",
      "How do you let one tenant's 10,000 runs not starve everyone else?",
    ],
    starterTemplateId: "starter-job-scheduler",
  },
  {
    id: "metrics-ingestion",
    title: "Metrics ingestion system",
    statement:
      "Design a system that collects metrics from all our servers and lets engineers graph and alert on them. Every host reports around a hundred metrics every ten seconds; dashboards query the last hour in real time and the last year in summary. Assume 100,000 hosts.",
    scale: {
      traffic: [
        {
          what: "data points",
          actors: 100e3,
          actorUnit: "hosts",
          perActorPerDay: 864_000,
          perDay: 86.4e9,
          avgPerSecond: 1e6,
          peakFactor: 2,
          peakPerSecond: 2e6,
          text: "100k hosts × 864,000 points/day = 86.4B/day ≈ 1M/s average; ×2 at peak ≈ 2M/s.",
        },
      ],
      storage: {
        what: "raw points",
        itemsPerDay: 86.4e9,
        bytesPerItem: 2,
        retentionDays: 15,
        replication: 3,
        totalBytes: 7.8e12,
        text: "86.4B points/day × 2 bytes (compressed) × 15 days × 3 copies ≈ 7.8 TB of raw data.",
      },
    },
    interviewerHints: [
      "High write throughput: batch at the agent and ingest tier, append-only writes.",
      "Time-series storage: compression (delta-of-delta, ~2 bytes/point), series keyed by metric + tags.",
      "Downsampling and retention tiers: raw for days, rollups for a year.",
      "A partitioned log (Kafka) between ingest and storage; partitions keyed by series to keep order.",
    ],
    followUps: [
      "A deploy adds a tag with a user id and series cardinality explodes: what happens? (hot partitions)",
      "The TSDB falls behind: where does data queue up, and what do dashboards show? (backpressure)",
      "How do you evaluate alert rules over 1M points/s?",
      "How do you query a year of data quickly without scanning raw points?",
    ],
    starterTemplateId: "starter-metrics-ingestion",
  },
];

/** The whole bank, validated once when the module loads. */
export const promptBank: PromptBank = PromptBankSchema.parse({ prompts, clarifyingQuestions, phases, rubric });

/** The prompt with this id, or undefined. */
export function getPrompt(id: string): Prompt | undefined {
  return promptBank.prompts.find((p) => p.id === id);
}
