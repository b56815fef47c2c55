import { describe, expect, it } from "vitest";
import { glyphsExcalifontLacks } from "./glyph-advances.ts";
import { BOUND_TEXT_PADDING, maxTextHeight, maxTextWidth, measureText, textWidth, wrapText } from "./text.ts";

describe("text metrics", () => {
  it("measure a multi-line text by its longest line and its line count", () => {
    const size = measureText("Load\nBalancer", 20);
    expect(size.width).toBe(textWidth("Balancer", 20));
    expect(size.height).toBe(2 * 20 * 1.25);
    expect(textWidth("abcd", 20)).toBeGreaterThan(textWidth("abc", 20));
  });

  it("give each glyph its own width, not one per character", () => {
    expect(textWidth("mmmm", 20)).toBeGreaterThan(1.5 * textWidth("iiii", 20));
    expect(textWidth("Workers", 40)).toBeCloseTo(2 * textWidth("Workers", 20), 9);
  });

  it("kern pairs the font kerns", () => {
    expect(textWidth("To", 100)).toBeLessThan(textWidth("T", 100) + textWidth("o", 100));
  });

  it("count a character the font lacks as a fallback glyph, full width for CJK", () => {
    expect(textWidth("数据", 20)).toBe(40);
    expect(textWidth("≈", 20)).toBeLessThan(20);
    expect(glyphsExcalifontLacks("≈ 35k → 数据")).toEqual(["≈", "→", "数", "据"]);
    expect(glyphsExcalifontLacks("Load Balancer (×3)")).toEqual([]);
  });

  it("wrap where Excalidraw wraps: before spaces, after hyphens, inside a word only when it cannot fit", () => {
    const block = wrapText("Read replicas serve the feed\nasync", 16, textWidth("Read replicas", 16));
    expect(block.text).toBe("Read replicas\nserve the\nfeed\nasync");
    for (const line of block.text.split("\n")) expect(textWidth(line, 16)).toBeLessThanOrEqual(block.width);
    expect(wrapText("read-through cache", 16, textWidth("read-through", 16)).text).toBe("read-through\ncache");
    expect(wrapText("fan-out", 16, textWidth("fan-o", 16)).text).toBe("fan-\nout");
    const long = wrapText("Supercalifragilistic", 16, textWidth("Super", 16));
    expect(long.text.split("\n")[0]).toBe("Super");
    expect(long.text.replaceAll("\n", "")).toBe("Supercalifragilistic");
  });

  it("leave a line that fits alone", () => {
    expect(wrapText("15k QPS", 14, 200).text).toBe("15k QPS");
  });

  it("give a container's room for text by Excalidraw's rule for its shape", () => {
    expect(maxTextWidth("rectangle", 180, 16)).toBe(180 - 2 * BOUND_TEXT_PADDING);
    expect(maxTextWidth("ellipse", 180, 16)).toBeLessThan(maxTextWidth("rectangle", 180, 16));
    expect(maxTextWidth("arrow", 10, 14)).toBe(14 * 11);
    expect(maxTextHeight("ellipse", 80)).toBeLessThan(maxTextHeight("rectangle", 80));
  });
});
