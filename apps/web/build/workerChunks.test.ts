import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staticClosure, workerSharedFiles } from "./workerChunks.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function files(contents: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "worker-chunks-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("workerSharedFiles", () => {
  it("finds the files both the worker and the main bundle import statically", () => {
    const dir = files({
      // Minified the way a published package ships it.
      "worker.js": 'import{a as r}from"./wasm.js";import"./tiny.js";self.onmessage=r;',
      "wasm.js": 'import{b}from"./tiny.js";export const a=b;',
      "tiny.js": "export const b=1;",
      "main.js": 'import{b}from"./tiny.js";import React from "react";const w=()=>import("./worker.js");export{b,w};',
    });
    expect([...workerSharedFiles(join(dir, "worker.js"), join(dir, "main.js"))]).toEqual([join(dir, "tiny.js")]);
  });

  it("does not follow dynamic imports, and survives import cycles", () => {
    const dir = files({
      "a.js": 'import"./b.js";const later=()=>import("./c.js");',
      "b.js": 'import{x}from"./a.js";',
      "c.js": "export {};",
    });
    expect([...staticClosure(join(dir, "a.js"))].sort()).toEqual([join(dir, "a.js"), join(dir, "b.js")]);
  });

  it("on the installed Excalidraw, gives the font worker a chunk with no outside imports", () => {
    const dist = join(import.meta.dirname, "../../../node_modules/@excalidraw/excalidraw/dist/prod");
    const shared = workerSharedFiles(join(dist, "subset-worker.chunk.js"), join(dist, "index.js"));
    expect(shared.size).toBeGreaterThan(0);
    for (const file of shared) {
      // Anything a shared file imports must be shared too, or the worker reaches the app again.
      const bare = readFileSync(file, "utf8").match(/(?:\bfrom|\bimport)\s*["']([^."'][^"']*)["']/);
      expect(bare, `${file} imports a package`).toBeNull();
      for (const dep of staticClosure(file)) expect(shared.has(dep) || dep === file).toBe(true);
    }
  });
});
