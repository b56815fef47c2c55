import type { IncomingMessage } from "node:http";

/** Why a state-changing request from a browser was refused: the status and the sentence to answer. */
export interface SiteRefusal {
  status: 403 | 415;
  error: string;
}

/**
 * Refuses requests another web site could make from a visitor's browser.
 *
 * A page on any site can send a "simple" cross-site POST (a form, or `fetch`
 * with `text/plain` or no body) without asking the server first, and the
 * browser sends it with the visitor's address, spending the visitor's quota.
 * Requiring `Content-Type: application/json` makes every cross-site call a
 * CORS preflight, which this server never grants; checking `Origin` when the
 * browser sends one refuses the rest. The origin must name this server (the
 * request's own `Host`, whatever the scheme, so it holds behind a TLS
 * proxy) or be listed in `allowedOrigins` (`ALLOWED_ORIGINS`).
 * Clients that are not browsers (curl, scripts) send no `Origin` and pass.
 */
export function refuseCrossSite(req: IncomingMessage, allowedOrigins: readonly string[]): SiteRefusal | null {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return { status: 415, error: "send the request as JSON (Content-Type: application/json)" };
  }
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  if (allowedOrigins.includes(origin)) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and junk are not this server.
  }
  if (host !== null && host === req.headers.host) return null;
  return { status: 403, error: `requests from ${origin.slice(0, 100)} may not create rooms here` };
}
