/**
 * The estimate as a plain-text table (the CLI) and as JSON (scripts): inputs as typed
 * and as read, each derived figure with its formula in words and in numbers, the
 * assumptions used and the rounding rule.
 */
import { type Estimate } from "./derive.ts";
import { FIELD_IDS, FIELDS, formatFieldValue, type EstimateTexts } from "./fields.ts";
import { ROUNDING_RULE } from "./format.ts";

/** Left-aligned columns, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** The table the CLI prints. */
export function renderTable(estimate: Estimate, texts: EstimateTexts): string {
  const inputRows: string[][] = [["Input", "As typed", "Read as"]];
  for (const id of FIELD_IDS) {
    const value = estimate.inputs[id];
    if (value === undefined) continue;
    inputRows.push([FIELDS[id].label, (texts[id] ?? "").trim(), formatFieldValue(id, value)]);
  }
  const lines = columns(inputRows);
  lines.push("");
  if (estimate.figures.length === 0) {
    lines.push("Nothing to derive yet: give daily active users and reads or writes per user.");
  } else {
    const figureRows: string[][] = [["Figure", "Value", "Formula"]];
    for (const f of estimate.figures) figureRows.push([f.label, f.display, `${f.words}: ${f.numbers}`]);
    lines.push(...columns(figureRows));
  }
  lines.push("");
  if (estimate.assumptions.length > 0) lines.push(`Assumptions: ${estimate.assumptions.join("; ")}.`);
  lines.push(`Rounding: ${ROUNDING_RULE}`);
  return `${lines.join("\n")}\n`;
}

/** The same content as data: `{ inputs, figures, assumptions, rounding }`. */
export function estimateJson(estimate: Estimate, texts: EstimateTexts): unknown {
  const inputs: Record<string, { text: string; value: number; display: string }> = {};
  for (const id of FIELD_IDS) {
    const value = estimate.inputs[id];
    if (value !== undefined)
      inputs[id] = { text: (texts[id] ?? "").trim(), value, display: formatFieldValue(id, value) };
  }
  return {
    inputs,
    figures: estimate.figures.map(({ id, label, value, unit, display, words, numbers }) => ({
      id,
      label,
      value,
      unit,
      display,
      words,
      numbers,
    })),
    assumptions: estimate.assumptions,
    rounding: ROUNDING_RULE,
  };
}
