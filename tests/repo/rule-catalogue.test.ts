import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "@archboard/diagram-lint";

/** docs/rules/README.md is the contract others read; it must match what the code does. */
const ROOT = resolve(import.meta.dirname, "../..");
const catalogue = readFileSync(resolve(ROOT, "docs/rules/README.md"), "utf8");

/** Rows of the Rules table: `| [SD001](SD001.md) | alias | default | category | meaning |`. */
const rows = [
  ...catalogue.matchAll(/^\| \[(SD\d{3})\]\((SD\d{3}\.md)\) \| ([\w-]+) \| (\w+) \| (\w+) \| (.+) \|$/gm),
].map(([, id, page, alias, severity, category, meaning]) => ({ id, page, alias, severity, category, meaning }));

describe("the rule catalogue", () => {
  it("lists every rule once, with the id, alias, default severity and category the code has", () => {
    expect(rows.map(({ id, alias, severity, category }) => ({ id, alias, severity, category }))).toEqual(
      rules.map((r) => ({ id: r.id, alias: r.alias, severity: r.defaultSeverity, category: r.category })),
    );
  });

  it("links each rule to its page, which exists", () => {
    for (const row of rows) {
      expect(row.page).toBe(`${row.id}.md`);
      expect(existsSync(resolve(ROOT, "docs/rules", row.page!)), row.page).toBe(true);
      expect(row.meaning!.trim().length, row.id).toBeGreaterThan(10);
    }
  });

  it("names the heuristic rules the code marks as heuristic", () => {
    const plain = rules.filter((r) => !r.heuristic).map((r) => r.id);
    const sentence = /every rule except ([^)]+)\)/.exec(catalogue)?.[1] ?? "";
    expect(sentence.match(/SD\d{3}/g)).toEqual(plain);
  });
});
