/**
 * The API-call sequence diagram: a payment request through the
 * gateway, auth, the payment service and its database. Requests carry latency budgets
 * (the figures an interviewer asks for); replies say they return.
 */
import { defineTemplate } from "../schema.ts";

export const paymentSequence = defineTemplate({
  id: "sequence-payment-api",
  title: "Sequence diagram: POST /pay",
  description:
    "Lifelines for Client, API Gateway, Auth Service, Payment Service and Database, with numbered messages from POST /pay to 201 Created, replies dashed.",
  category: "sequence",
  tags: ["sequence", "api", "payment", "auth", "jwt", "transaction", "latency"],
  diagram: {
    type: "sequence",
    participants: [
      { id: "client", kind: "client", label: "Client" },
      { id: "gateway", kind: "lb", label: "API Gateway" },
      { id: "auth", kind: "service", label: "Auth Service" },
      { id: "payment", kind: "service", label: "Payment Service" },
      { id: "db", kind: "db", label: "Database" },
    ],
    messages: [
      { from: "client", to: "gateway", label: "1. POST /pay (p99 300 ms)" },
      { from: "gateway", to: "auth", label: "2a. verify JWT (5 ms)" },
      { from: "auth", to: "gateway", label: "2b. returns valid", reply: true },
      { from: "gateway", to: "payment", label: "3. process payment (250 ms)" },
      { from: "payment", to: "db", label: "4a. BEGIN TXN, INSERT, COMMIT (20 ms)" },
      { from: "db", to: "payment", label: "4b. OK", reply: true },
      { from: "payment", to: "gateway", label: "5. returns payment_id", reply: true },
      { from: "gateway", to: "client", label: "6. 201 Created", reply: true },
    ],
    notes: [
      {
        text: "Budget: the p99 of 300 ms end to end is split across hops; retries on 3 reuse the client's idempotency key.",
      },
      { text: "Tracing: one trace id travels through every hop, so a slow payment shows which step took the time." },
    ],
  },
});
