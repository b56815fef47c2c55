import { describe, expect, it } from "vitest";
import { rules } from "@archboard/diagram-lint";
import { rubric } from "@archboard/interview";
import { compareByPriority, dimensionOf, dimensionTitle, RULE_DIMENSION } from "./fixPriority.ts";

describe("what to fix first", () => {
  it("maps every rule to one of the rubric's dimensions", () => {
    const dimensions = new Set(rubric.dimensions.map((d) => d.id));
    for (const rule of rules) expect(RULE_DIMENSION[rule.id], rule.id).toBeDefined();
    for (const [rule, dimension] of Object.entries(RULE_DIMENSION)) expect(dimensions.has(dimension), rule).toBe(true);
    expect(dimensionTitle(dimensionOf("SD007"))).toBe("Scale estimation");
  });

  it("puts errors first, then the weightier dimension, then the bigger group", () => {
    const groups = [
      { ruleId: "SD013", severity: "info" as const, count: 40 }, // unbound text
      { ruleId: "SD002", severity: "warn" as const, count: 42 }, // arrow labels
      { ruleId: "SD005", severity: "info" as const, count: 1 }, // no client
      { ruleId: "SD001", severity: "error" as const, count: 1 },
      { ruleId: "SD007", severity: "warn" as const, count: 1 }, // no numbers
      { ruleId: "SD008", severity: "info" as const, count: 1 }, // arrows without numbers
      { ruleId: "SD003", severity: "warn" as const, count: 4 }, // loose ends
      { ruleId: "SD015", severity: "warn" as const, count: 9 }, // orphans: same dimension, more of them
    ];
    expect(groups.sort(compareByPriority).map((g) => g.ruleId)).toEqual([
      "SD001",
      "SD015",
      "SD003",
      "SD007",
      "SD002",
      "SD005",
      "SD008",
      "SD013",
    ]);
  });

  it("follows the board's severity setting, not the rule's default", () => {
    const raised = { ruleId: "SD013", severity: "error" as const, count: 1 };
    const missingClient = { ruleId: "SD005", severity: "info" as const, count: 1 };
    expect(compareByPriority(raised, missingClient)).toBeLessThan(0);
  });
});
