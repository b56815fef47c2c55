import { describe, expect, it } from "vitest";
import { templates } from "@archboard/templates";
import { groupTemplates, queryWords, searchTemplates } from "./search.ts";

const ids = (query: string) => searchTemplates(templates, query).map((t) => t.id);

describe("template search", () => {
  it("returns everything for an empty query", () => {
    expect(searchTemplates(templates, "  ")).toHaveLength(templates.length);
  });

  it("matches titles, case-insensitively", () => {
    expect(ids("STANDARD backend")).toContain("standard-architecture");
  });

  it("matches tags and descriptions, every word required, any order", () => {
    expect(ids("redis read-through")).toEqual(["block-add-cache"]);
    expect(ids("replication replicas")).toContain("block-add-read-replicas");
    expect(ids("replicas zzzz")).toEqual([]);
  });

  it("matches the category name", () => {
    const blocks = searchTemplates(templates, "building block");
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.every((t) => t.category === "building-block")).toBe(true);
  });

  it("splits on punctuation but keeps slashes (pub/sub)", () => {
    expect(queryWords("Cache, read-path  pub/sub")).toEqual(["cache", "read", "path", "pub/sub"]);
  });
});

describe("grouping", () => {
  it("groups in section order and drops empty sections", () => {
    const groups = groupTemplates(templates);
    expect(groups.map((g) => g.category)).toEqual(["architecture", "prompt-starter", "sequence", "building-block"]);
    expect(groups.reduce((n, g) => n + g.templates.length, 0)).toBe(templates.length);
    expect(groupTemplates(searchTemplates(templates, "read replicas")).map((g) => g.category)).not.toContain(
      "sequence",
    );
  });
});
