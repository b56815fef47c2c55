import { describe, expect, it } from "vitest";

(globalThis as { window?: unknown }).window ??= { addEventListener() {} };
const { syncServerUrl } = await import("./roomConnection.ts");

describe("syncServerUrl", () => {
  it("uses the app's own origin, with wss behind https", () => {
    expect(syncServerUrl({ protocol: "http:", host: "localhost:8080" }, null)).toBe("ws://localhost:8080/sync");
    expect(syncServerUrl({ protocol: "https:", host: "board.example" }, null)).toBe("wss://board.example/sync");
  });

  it("honours a valid override and ignores junk", () => {
    expect(syncServerUrl({ protocol: "http:", host: "a" }, "ws://127.0.0.1:1234/")).toBe("ws://127.0.0.1:1234");
    expect(syncServerUrl({ protocol: "http:", host: "a" }, "javascript:alert(1)")).toBe("ws://a/sync");
    expect(syncServerUrl({ protocol: "http:", host: "a" }, "http://x")).toBe("ws://a/sync");
  });
});

describe("refusalFor", () => {
  it("names each server refusal in plain words, a full board included", async () => {
    const { refusalFor } = await import("./roomConnection.ts");
    expect(refusalFor(4413, "board size limit reached")).toMatchObject({
      title: "This board is full",
      message: expect.stringContaining("export the board") as string,
    });
    expect(refusalFor(4410, "token expired").message).toContain("expired");
    expect(refusalFor(4499, "")).toMatchObject({
      title: "Not connected",
      message: expect.stringContaining("4499") as string,
    });
  });
});
