/**
 * `npm run estimate -- --dau 100M --writes-per-user 2 --reads-per-user 20 --size 1KB [--format text|json]`
 *
 * Prints the estimate worked through (the same figures and formulas as the Estimates
 * panel). Exit 0 with the table; exit 2 with a one-line reason on stderr for an unknown
 * flag, a missing value or a figure that cannot be read.
 */
import { deriveEstimate } from "./derive.ts";
import { FIELD_IDS, FIELDS, readField, type EstimateInputs, type EstimateTexts, type FieldId } from "./fields.ts";
import { estimateJson, renderTable } from "./table.ts";

const FLAGS = new Map<string, FieldId>(FIELD_IDS.map((id) => [FIELDS[id].flag, id]));
FLAGS.set("--write-size", "writeSize");

export const USAGE = `usage: npm run estimate -- ${FIELD_IDS.map((id) => `[${FIELDS[id].flag} ${FIELDS[id].example.replace(/\s/g, "")}]`).join(" ")} [--format text|json]`;

export class UsageError extends Error {}

/** Reads the arguments into typed inputs and the output format; throws `UsageError` with one line. */
export function parseArgs(argv: readonly string[]): { texts: EstimateTexts; format: "text" | "json" } {
  const texts: EstimateTexts = {};
  let format: "text" | "json" = "text";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = inline ?? argv[i + 1];
    if (flag === "--help" || flag === "-h") throw new UsageError(USAGE);
    if (flag !== "--format" && !FLAGS.has(flag)) throw new UsageError(`unknown option ${arg} (${USAGE})`);
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new UsageError(`${flag} needs a value`);
    if (inline === undefined) i++;
    if (flag === "--format") {
      if (value !== "text" && value !== "json") throw new UsageError(`--format is text or json, not ${value}`);
      format = value;
      continue;
    }
    texts[FLAGS.get(flag)!] = value;
  }
  return { texts, format };
}

/** Runs the command; returns the exit code. */
export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    err(`${(e as Error).message}\n`);
    return 2;
  }
  if (Object.keys(parsed.texts).length === 0) {
    err(`${USAGE}\n`);
    return 2;
  }
  const inputs: EstimateInputs = {};
  for (const [id, text] of Object.entries(parsed.texts) as [FieldId, string][]) {
    const r = readField(id, text);
    if (!r.ok) {
      err(`${FIELDS[id].flag}: ${r.message}\n`);
      return 2;
    }
    if (r.value !== undefined) inputs[id] = r.value;
  }
  const estimate = deriveEstimate(inputs);
  out(
    parsed.format === "json"
      ? `${JSON.stringify(estimateJson(estimate, parsed.texts), null, 2)}\n`
      : renderTable(estimate, parsed.texts),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
