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
