import { describe, expect, it } from "vitest";
import { BOUND_TEXT_PADDING, maxTextHeight, maxTextWidth, measureText, textWidth, wrapText } from "./text.ts";

describe("text metrics", () => {
  it("estimate a multi-line text by its longest line and its line count", () => {
    const size = measureText("Load\nBalancer", 20);
    expect(size.width).toBe(textWidth("Balancer", 20));
    expect(size.height).toBe(Math.ceil(2 * 20 * 1.25));
    expect(textWidth("abcd", 20)).toBeGreaterThan(textWidth("abc", 20));
  });

  it("wrap words to a width, keep explicit breaks and never split a word", () => {
    const block = wrapText("Read replicas serve the feed\nasync", 16, textWidth("Read replicas", 16));
    expect(block.text).toBe("Read replicas\nserve the\nfeed\nasync");
    for (const line of block.text.split("\n")) expect(textWidth(line, 16)).toBeLessThanOrEqual(block.width);
    expect(wrapText("Supercalifragilistic", 16, 10).text).toBe("Supercalifragilistic");
  });

  it("give a container's room for text by Excalidraw's rule for its shape", () => {
    expect(maxTextWidth("rectangle", 180, 16)).toBe(180 - 2 * BOUND_TEXT_PADDING);
    expect(maxTextWidth("ellipse", 180, 16)).toBeLessThan(maxTextWidth("rectangle", 180, 16));
    expect(maxTextWidth("arrow", 10, 14)).toBe(14 * 11);
    expect(maxTextHeight("ellipse", 80)).toBeLessThan(maxTextHeight("rectangle", 80));
  });
});
