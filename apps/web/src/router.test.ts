import { describe, expect, it } from "vitest";

// router.ts listens to popstate on import; give it a minimal window.
(globalThis as { window?: unknown }).window ??= { addEventListener() {} };
const { parseRoute } = await import("./router.ts");

describe("parseRoute", () => {
  it("recognises the home page, boards and shared rooms", () => {
    expect(parseRoute("/")).toEqual({ page: "home" });
    expect(parseRoute("/b/abcdEFGH1234")).toEqual({ page: "board", id: "abcdEFGH1234" });
    expect(parseRoute("/r/Room_0123456789abcdef/")).toEqual({ page: "room", roomId: "Room_0123456789abcdef" });
  });

  it("treats malformed ids as not found instead of opening them", () => {
    expect(parseRoute("/b/short").page).toBe("not-found");
    expect(parseRoute("/b/..%2F..%2Fetc").page).toBe("not-found");
    expect(parseRoute("/r/abcdEFGH1234").page).toBe("not-found"); // room ids are longer
    expect(parseRoute("/b/%E0%A4%A").page).toBe("not-found");
    expect(parseRoute("/settings").page).toBe("not-found");
  });
});
