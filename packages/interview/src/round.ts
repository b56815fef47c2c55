/**
 * The round around the prompt: the clarifying-questions checklist, the phases of the
 * 45-minute round and the mock interviewer's rubric.
 * Plain data; validated with the prompt bank in prompts.ts.
 */
import type { ClarifyingQuestion, Phase, Rubric } from "./prompt-schema.ts";

/** What the candidate can tick off in the first five minutes. */
export const clarifyingQuestions: readonly ClarifyingQuestion[] = [
  {
    id: "qps-read-write",
    topic: "Expected QPS and read/write ratio",
    question: "Roughly how many requests per second, and how many reads per write?",
  },
  {
    id: "consistency",
    topic: "Consistency guarantees",
    question: "Must every read see the latest write, or is a few seconds of staleness acceptable?",
  },
  {
    id: "latency",
    topic: "Acceptable latency (p50 vs p99)",
    question: "What latency do users expect at the median, and what is acceptable at p99?",
  },
  {
    id: "regions",
    topic: "Single or multi-region",
    question: "Do we run in one region, or several with users served from the nearest?",
  },
  {
    id: "retention",
    topic: "Data retention",
    question: "How long do we keep the data, and can old data move to cheaper storage?",
  },
  {
    id: "realtime-batch",
    topic: "Real-time or batch",
    question: "Must results be visible immediately, or can they be computed in batches?",
  },
  {
    id: "team-size",
    topic: "Team size maintaining it",
    question: "How large is the team that will build and run this?",
  },
  {
    id: "dau",
    topic: "Daily active users",
    question: "How many daily active users do we expect now, and in two years?",
  },
  { id: "availability", topic: "Availability target", question: "What availability do we promise: 99.9% or 99.99%?" },
  {
    id: "geography",
    topic: "Geographic distribution",
    question: "Where are the users: one country, or spread across continents?",
  },
  {
    id: "throughput",
    topic: "Throughput",
    question: "What peak throughput in data volume (MB/s) must the system absorb?",
  },
];

/** The default clock of a 45-minute round (40 minutes of design, the rest for introductions). */
export const phases: readonly Phase[] = [
  {
    id: "clarify",
    title: "Clarify requirements",
    minutes: 5,
    goal: "Functional and non-functional requirements; what is in and out of scope.",
  },
  { id: "estimate", title: "Estimate scale", minutes: 5, goal: "QPS, storage and bandwidth with round numbers." },
  {
    id: "high-level",
    title: "High-level design",
    minutes: 15,
    goal: "Clients, load balancer, APIs, services, storage, cache, queues; the APIs and core entities.",
  },
  {
    id: "deep-dive",
    title: "Deep dive",
    minutes: 10,
    goal: "One or two critical components: schema, sharding, cache invalidation, failure modes.",
  },
  {
    id: "wrap-up",
    title: "Wrap-up",
    minutes: 5,
    maxMinutes: 10,
    goal: "Bottlenecks, trade-offs, observability and reliability; questions for the interviewer.",
  },
];

/** The longer checklist some teachers use, in order. */
export const designChecklist: readonly string[] = [
  "clarify",
  "estimate",
  "define APIs",
  "data flow",
  "storage",
  "caching",
  "async work",
  "bottlenecks",
  "failure handling",
  "observability",
  "trade-offs",
];

/** Nine dimensions scored 1–4, and a final signal. */
export const rubric: Rubric = {
  scale: { min: 1, max: 4 },
  dimensions: [
    {
      id: "requirements",
      title: "Requirements & scoping",
      strong: "Asks the questions that change the design and states a crisp scope.",
      weak: "Starts drawing without knowing what is being built.",
    },
    {
      id: "estimation",
      title: "Scale estimation",
      strong: "Quick, correct round-number estimates that drive choices.",
      weak: "No numbers, or numbers off by orders of magnitude and never used.",
    },
    {
      id: "decomposition",
      title: "System decomposition",
      strong: "Clear components with single responsibilities and clean data flow.",
      weak: "One box does everything, or boxes without a reason to exist.",
    },
    {
      id: "api-data",
      title: "API and data design",
      strong: "Concrete APIs, entities and a schema that fits the access patterns.",
      weak: "No APIs or data model, or a schema that fights the queries.",
    },
    {
      id: "trade-offs",
      title: "Trade-off awareness",
      strong: "Names alternatives and says why this one, with its costs.",
      weak: "Presents one option as the only one.",
    },
    {
      id: "distributed-depth",
      title: "Distributed-systems depth",
      strong: "Handles partitioning, replication, consistency and contention with care.",
      weak: "Treats the system as one machine.",
    },
    {
      id: "failure-handling",
      title: "Failure handling",
      strong: "Finds single points of failure; retries, timeouts, idempotency, degradation.",
      weak: "Assumes nothing fails.",
    },
    {
      id: "operations",
      title: "Operational reliability",
      strong: "Metrics, logs, tracing and alerts on what matters; safe deploys.",
      weak: "No way to know the system is broken.",
    },
    {
      id: "communication",
      title: "Communication clarity",
      strong: "Drives the conversation, checks in, labels the diagram, manages time.",
      weak: "Hard to follow; the interviewer has to pull every answer.",
    },
  ],
  finalSignals: [
    { id: "strong-hire", label: "Strong hire" },
    { id: "hire", label: "Hire" },
    { id: "lean-no", label: "Lean no" },
    { id: "no-hire", label: "No hire" },
  ],
};
