/**
 * The templates and the estimate tell the same story: no template draws a rate the
 * estimate contradicts (SD019), a component sending more than it receives (SD020) or a
 * store without a storage figure (SD021) — neither on its own nor, for a prompt's
 * starter, against the estimate prefilled from that prompt's scale hints.
 */
import { deriveEstimate, readInputs, textsFromScaleHints } from "@archboard/estimates";
import { lint, type Finding } from "@archboard/diagram-lint";
import { describe, expect, it } from "vitest";
import { templates } from "./catalog/index.ts";
import { templateToElements } from "./output/elements.ts";
import { promptBank } from "@archboard/interview";

const ESTIMATE_RULES = new Set(["SD019", "SD020", "SD021"]);
const show = (f: Finding) => `${f.ruleId}: ${f.message}`;

describe("templates agree with estimates", () => {
  it.each(templates.map((t) => [t.id, t] as const))("%s has no SD019–SD021 finding", (_id, t) => {
    expect(
      lint(templateToElements(t))
        .filter((f) => ESTIMATE_RULES.has(f.ruleId))
        .map(show),
    ).toEqual([]);
  });

  it.each(promptBank.prompts.map((p) => [p.starterTemplateId, p] as const))(
    "%s has none against its prompt's prefilled estimate",
    (starterId, prompt) => {
      const starter = templates.find((t) => t.id === starterId)!;
      const { inputs, errors } = readInputs(textsFromScaleHints(prompt.scale).texts);
      expect(errors).toEqual({});
      const estimate = deriveEstimate(inputs);
      const found = lint(templateToElements(starter), { estimate }).filter((f) => ESTIMATE_RULES.has(f.ruleId));
      expect(found.map(show)).toEqual([]);
    },
  );
});
