import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatPerSecond, isExact, significant } from "./format.ts";

describe("display units", () => {
  it.each([
    [11_574.07, "11.6 k"],
    [1e9, "1 B"],
    [999_999, "1 M"],
    [347.2, "347"],
    [0.1, "0.1"],
    [2.2e9, "2.2 B"],
    [1_000, "1 k"],
    [999.6, "1 k"],
    [12, "12"],
    [3.5e12, "3.5 T"],
  ])("count %d shows as %s", (v, s) => expect(formatCount(v)).toBe(s));

  it.each([
    [1000, "1 KB"],
    [2e11, "200 GB"],
    [1.095e15, "1.1 PB"],
    [500, "500 B"],
    [6_944_444, "6.94 MB"],
    [2e18, "2 EB"],
  ])("bytes %d show as %s", (v, s) => expect(formatBytes(v)).toBe(s));

  it("writes rates per second", () => {
    expect(formatPerSecond(11_574.07)).toBe("11.6 k/s");
  });

  it("rounds to three significant digits and knows when it did", () => {
    expect(significant(86_400)).toBe("86,400");
    expect(significant(1234)).toBe("1,230");
    expect(isExact(1e9)).toBe(true);
    expect(isExact(11_574.07)).toBe(false);
  });
});
