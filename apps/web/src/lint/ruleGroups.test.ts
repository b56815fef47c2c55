import { describe, expect, it } from "vitest";
import type { Finding } from "@archboard/diagram-lint";
import type { Bounds } from "./elementBounds.ts";
import { groupFindings } from "./ruleGroups.ts";

const at = (x: number, y: number): Bounds => ({ minX: x, minY: y, maxX: x + 100, maxY: y + 50 });

const arrowLabel = (id: string): Finding => ({
  ruleId: "SD002",
  alias: "arrow-label",
  severity: "warn",
  message: `Arrow ${id} has no label`,
  elementIds: [id],
  suggestions: [
    { title: "Add a placeholder label", fix: { kind: "add-arrow-label", arrowId: id, text: "what travels here?" } },
  ],
});

describe("findings grouped by rule", () => {
  const bounds: Record<string, Bounds> = {
    a1: at(600, 0),
    a2: at(0, 0),
    a3: at(300, 300),
    box: at(900, 300),
    text: at(920, 320),
    n1: at(0, 600),
    n2: at(500, 0),
  };
  const findings: Finding[] = [
    arrowLabel("a1"),
    arrowLabel("a3"),
    arrowLabel("a2"),
    {
      ruleId: "SD013",
      alias: "bind-text",
      severity: "info",
      message: "Text “DB” is not bound",
      elementIds: ["text", "box"],
    },
    {
      ruleId: "SD008",
      alias: "arrow-numbers",
      severity: "info",
      message: "2 of 3 request edges carry no number",
      elementIds: ["n1", "n2"],
    },
    {
      ruleId: "SD007",
      alias: "estimates-present",
      severity: "warn",
      message: "No estimates on the board",
      elementIds: [],
    },
  ];
  const groups = groupFindings(findings, (id) => bounds[id]);
  const byRule = Object.fromEntries(groups.map((g) => [g.ruleId, g]));

  it("makes one row per rule with its count in plain words, ordered by what to fix first", () => {
    expect(groups.map((g) => [g.ruleId, g.count, g.title, g.size])).toEqual([
      ["SD007", 1, "No numbers anywhere on the board", 1],
      ["SD002", 3, "3 arrows have no label", 3],
      // One scene-wide finding listing two arrows: the row counts the arrows, as its title does.
      ["SD008", 1, "2 arrows carry no number", 2],
      ["SD013", 1, "1 label is not bound to its shape", 1],
    ]);
    // In the summary a lone finding speaks in its own words.
    expect(byRule.SD013!.headline).toBe("Text “DB” is not bound");
    expect(byRule.SD002!.headline).toBe("3 arrows have no label");
  });

  it("steps through findings in reading order, and through each element of a scene-wide finding", () => {
    expect(byRule.SD002!.steps).toEqual([["a2"], ["a1"], ["a3"]]);
    expect(byRule.SD002!.findings.map((f) => f.elementIds[0])).toEqual(["a2", "a1", "a3"]);
    expect(byRule.SD013!.steps).toEqual([["text", "box"]]);
    expect(byRule.SD008!.steps).toEqual([["n2"], ["n1"]]);
    expect(byRule.SD007!.steps).toEqual([]);
  });

  it("offers one bulk fix for a rule whose findings carry fixes", () => {
    expect(byRule.SD002!.bulkFix).toMatchObject({ title: "Add placeholder labels to 3 arrows" });
    expect(byRule.SD002!.bulkFix!.findings).toHaveLength(3);
    expect(byRule.SD013!.bulkFix).toBeUndefined();
  });
});

describe("a habit reported once", () => {
  const bounds: Record<string, Bounds> = { l1: at(500, 0), l2: at(0, 0), l3: at(0, 400), r1: at(900, 900) };
  const mirrored: Finding = {
    ruleId: "SD006",
    alias: "flow-left-to-right",
    severity: "warn",
    message: "3 request arrows of 5 in this design point right-to-left",
    elementIds: ["l1", "l2", "l3"],
  };
  const single: Finding = { ...mirrored, message: "Arrow r1 points right-to-left", elementIds: ["r1"] };
  const [group] = groupFindings([mirrored, single], (id) => bounds[id]);

  it("counts and steps through the arrows, not the findings", () => {
    expect(group!.title).toBe("4 arrows point right to left");
    expect(group!.size).toBe(4);
    expect(group!.count).toBe(2);
    expect(group!.steps).toEqual([["l2"], ["l1"], ["l3"], ["r1"]]);
  });
});

describe("loose arrow ends", () => {
  const loose = (id: string, box: string): Finding => ({
    ruleId: "SD003",
    alias: "arrow-connected",
    severity: "warn",
    message: `Arrow ${id}: its end touches ${box} but is not attached`,
    elementIds: [id],
    suggestions: [
      {
        title: `Attach the arrow's end to ${box}`,
        fix: { kind: "bind-arrow", arrowId: id, end: "end", boxId: box },
      },
    ],
  });
  it("are attached by one bulk fix", () => {
    const [group] = groupFindings([loose("a", "db"), loose("b", "cache")], () => at(0, 0));
    expect(group!.bulkFix).toMatchObject({ title: "Attach 2 loose arrow ends" });
  });
});
