import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "./lint.ts";
import { rules } from "./rules/index.ts";
import { REPO_ROOT } from "./testing/corpus.ts";
import { scene, standardArchitecture } from "./testing/scene.ts";

const messy = () =>
  scene()
    .box("c", "Client", { x: 600, y: 0 })
    .box("api", "", { x: 0, y: 0 })
    .box("db", "Postgres", { x: 300, y: 300 })
    .arrow("a1", "c", "api")
    .arrow("a2", "api", "db");

describe("lint", () => {
  it("is quiet on the standard architecture of the interview guide", () => {
    expect(lint(standardArchitecture().elements)).toEqual([]);
  });

  it("sorts by severity, then rule id", () => {
    const found = lint(messy().elements);
    const order = { error: 0, warn: 1, info: 2 };
    const keys = found.map((f) => `${order[f.severity]}${f.ruleId}`);
    expect(keys).toEqual([...keys].sort());
    expect(found[0]?.severity).toBe("error");
  });

  it("applies board settings by id or alias, including off", () => {
    const found = lint(messy().elements, { rules: { SD001: "info", "arrow-label": "off", SD010: "error" } });
    expect(found.find((f) => f.ruleId === "SD001")?.severity).toBe("info");
    expect(found.some((f) => f.ruleId === "SD002")).toBe(false);
    expect(found.find((f) => f.ruleId === "SD010")?.severity).toBe("error");
  });

  it("honours customData.lint.disable on an element, by id or alias", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 300, y: 0 })
      .arrow("e1", "a", "b", { disable: ["arrow-label"] })
      .arrow("e2", "b", "a", { disable: ["SD002", "SD006"] });
    expect(lint(s.elements).filter((f) => f.ruleId === "SD002" || f.ruleId === "SD006")).toEqual([]);
  });

  it("accepts Excalidraw's own element type", () => {
    const elements = standardArchitecture().elements as unknown as readonly ExcalidrawElement[];
    expect(lint(elements)).toEqual([]);
  });

  it("returns the contract's finding shape", () => {
    for (const f of lint(messy().elements)) {
      expect(Object.keys(f).sort()).toEqual(
        expect.arrayContaining(["alias", "elementIds", "message", "ruleId", "severity"]),
      );
      expect(rules.find((r) => r.id === f.ruleId)?.alias).toBe(f.alias);
    }
  });
});

describe("rules metadata", () => {
  it("lists SD001–SD021 with unique aliases and docs pages", () => {
    expect(rules.map((r) => r.id)).toEqual(Array.from({ length: 21 }, (_, i) => `SD${String(i + 1).padStart(3, "0")}`));
    expect(new Set(rules.map((r) => r.alias)).size).toBe(21);
    for (const r of rules) expect(r.docs).toBe(`docs/rules/${r.id}.md`);
  });

  it("has a docs page per rule naming its id, alias and default severity", () => {
    for (const r of rules) {
      const page = readFileSync(resolve(REPO_ROOT, r.docs), "utf8");
      expect(page.split("\n")[0]).toBe(`# ${r.id} ${r.alias}`);
      expect(page).toContain(`**Default severity:** ${r.defaultSeverity}`);
      expect(page).toContain("## Bad");
      expect(page).toContain("## Good");
    }
  });
});
