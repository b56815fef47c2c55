import type { IncomingMessage, ServerResponse } from "node:http";

/** Sends a JSON body that must never be cached (API answers). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
}

/** A request body that could not be read as JSON; `status` is the answer to give. */
export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a small JSON request body. An empty body reads as `{}`, so a bare
 * `POST` means "defaults". Throws {@link BodyError} for a body over
 * `maxBytes` (413) or one that is not JSON (400).
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop buffering but leave the socket alone, so the 413 can still be sent.
      req.off("data", onData).off("end", onEnd).resume();
      reject(new BodyError(413, `request body over ${maxBytes} bytes`));
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString("utf8").trim();
      if (text === "") return resolve({});
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(new BodyError(400, "request body is not JSON"));
      }
    };
    req.on("data", onData).on("end", onEnd).once("error", reject);
  });
}
