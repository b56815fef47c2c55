import { describe, expect, it } from "vitest";
import { exportFileName, titleFromFileName } from "./fileName.ts";

describe("exportFileName", () => {
  it("uses the board title with the format's extension", () => {
    expect(exportFileName("URL shortener", "png")).toBe("URL shortener.png");
    expect(exportFileName("URL shortener", "svg")).toBe("URL shortener.svg");
    expect(exportFileName("URL shortener", "excalidraw")).toBe("URL shortener.excalidraw");
  });

  it("replaces characters file systems reject and trims dots", () => {
    expect(exportFileName('Chat: v2/final? <draft> "x"', "png")).toBe("Chat- v2-final- -draft- -x.png");
    expect(exportFileName("...hidden...", "svg")).toBe("hidden.svg");
    expect(exportFileName("a\tb\nc", "png")).toBe("a-b-c.png");
  });

  it("never produces an empty or reserved name", () => {
    expect(exportFileName("   ", "png")).toBe("board.png");
    expect(exportFileName("///", "png")).toBe("board.png");
    expect(exportFileName("CON", "png")).toBe("CON-board.png");
  });

  it("caps long titles without splitting characters", () => {
    const name = exportFileName("日本語".repeat(60), "png");
    expect(Array.from(name.replace(/\.png$/, "")).length).toBe(100);
    expect(name.endsWith("語.png") || name.endsWith("本.png") || name.endsWith("日.png")).toBe(true);
  });

  it("adds a suffix such as 'selection'", () => {
    expect(exportFileName("Feed", "png", "selection")).toBe("Feed (selection).png");
  });
});

describe("titleFromFileName", () => {
  it("drops scene extensions", () => {
    expect(titleFromFileName("twitter-hld.excalidraw")).toBe("twitter-hld");
    expect(titleFromFileName("Feed.excalidraw.png")).toBe("Feed");
    expect(titleFromFileName("C:\\Users\\me\\Feed.png")).toBe("Feed");
    expect(titleFromFileName("scene.json")).toBe("scene");
  });
});
