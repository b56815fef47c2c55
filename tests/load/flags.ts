/**
 * Command-line options of the load scripts: `--name value`, positive numbers
 * only, so a typo stops the run before it starts rather than measuring nothing.
 */

/** The number after `--name`, or `fallback`; throws unless it is positive. */
export function positiveFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

/** {@link positiveFlag} rounded down: a count of rooms, edits, cycles. */
export const countFlag = (name: string, fallback: number): number => Math.floor(positiveFlag(name, fallback));

/** The comma-separated positive counts after `--name` (`--rooms 50,100,200`), or `fallback`. */
export function countListFlag(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const values = (process.argv[i + 1] ?? "").split(",").map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`--${name} needs positive whole numbers, comma-separated`);
  return values;
}

/** The text after `--name`, or `fallback`. */
export function textFlag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
  return v;
}

/** Whether `--name` is present. */
export const booleanFlag = (name: string): boolean => process.argv.includes(`--${name}`);
