/**
 * A socket that sends hostile frames one at a time and knows when the server
 * has dealt with each: after every frame it sends a query-awareness, which
 * the server answers with an awareness message once everything before it was
 * handled; a frame the server refuses closes the socket instead. So every
 * frame counted as sent was processed by the server, not left in a buffer.
 */
import { WebSocket } from "ws";

const QUERY_AWARENESS = Uint8Array.of(3);

/** How the server dealt with one frame. */
export type FrameOutcome = "answered" | "closed" | "unanswered";

export class FuzzSocket {
  private waiting: ((closed: boolean) => void) | null = null;
  /** The server's close code, once the socket closed. */
  closeCode: number | null = null;

  private constructor(
    private readonly ws: WebSocket,
    private readonly answerTimeoutMs: number,
  ) {
    ws.on("message", (data: Buffer) => {
      if (data[0] === 1) this.settle(false);
    });
    ws.on("close", (code: number) => {
      this.closeCode = code;
      this.settle(true);
    });
    // The server may cut a socket mid-send; the close event reports it.
    ws.on("error", () => {});
  }

  /** Opens a socket to `url`; a frame not dealt with within `answerTimeoutMs` is "unanswered". */
  static open(url: string, answerTimeoutMs = 60_000): Promise<FuzzSocket> {
    return new Promise((done, fail) => {
      const ws = new WebSocket(url);
      ws.once("open", () => done(new FuzzSocket(ws, answerTimeoutMs)));
      ws.once("error", fail);
    });
  }

  /** Sends `frame` and resolves with how the server dealt with it. */
  send(frame: Uint8Array): Promise<FrameOutcome> {
    if (this.closeCode !== null) return Promise.resolve("closed");
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        done("unanswered");
      }, this.answerTimeoutMs);
      this.waiting = (closed) => {
        clearTimeout(timer);
        done(closed ? "closed" : "answered");
      };
      this.ws.send(frame);
      this.ws.send(QUERY_AWARENESS);
    });
  }

  /** Closes the socket from this side and resolves once it is closed. */
  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((done) => {
      this.ws.once("close", () => done());
      this.ws.close();
    });
  }

  private settle(closed: boolean): void {
    const done = this.waiting;
    this.waiting = null;
    done?.(closed);
  }
}
