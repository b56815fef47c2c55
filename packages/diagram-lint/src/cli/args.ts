/**
 * Command line of `lint:diagram`: files and globs, then options. Every mistake is a
 * `UsageError` whose message is one line naming the mistake and the usage.
 */

export const USAGE =
  "usage: lint:diagram <files or globs…> [--format text|json|sarif] [--fix] [--max-warnings N] [--config FILE] [--docs-url URL]";

export type Format = "text" | "json" | "sarif";

export interface Args {
  /** Paths and glob patterns, as given. */
  readonly patterns: readonly string[];
  readonly format: Format;
  /** Apply the safe fixes and write the files back. */
  readonly fix: boolean;
  /** Exit 1 when there are more warnings than this; null: warnings never fail. */
  readonly maxWarnings: number | null;
  /** An explicit config file; null: look for `archboard-lint.json` above each file. */
  readonly config: string | null;
  /** Where a running Archboard serves the rule pages (SARIF help links). */
  readonly docsUrl: string;
}

export class UsageError extends Error {}

/** The default for `--docs-url`: `ARCHBOARD_URL`, else the server's default address. */
export function defaultDocsUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env["ARCHBOARD_URL"]?.trim() || "http://localhost:8080").replace(/\/+$/, "");
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Args {
  const patterns: string[] = [];
  let format: Format = "text",
    fix = false,
    maxWarnings: number | null = null,
    config: string | null = null;
  let docsUrl = defaultDocsUrl(env);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${name} needs a value (${USAGE})`);
      return v;
    };
    switch (name) {
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif")
          throw new UsageError(`--format must be text, json or sarif (${USAGE})`);
        format = v;
        break;
      }
      case "--fix":
        if (inline !== undefined) throw new UsageError(`--fix takes no value (${USAGE})`);
        fix = true;
        break;
      case "--max-warnings": {
        const v = value();
        if (!/^\d+$/.test(v))
          throw new UsageError(`--max-warnings must be a whole number of warnings, 0 or more (${USAGE})`);
        maxWarnings = Number(v);
        break;
      }
      case "--config":
        config = value();
        break;
      case "--docs-url": {
        const v = value();
        if (!/^https?:\/\/[^\s]+$/.test(v)) throw new UsageError(`--docs-url must be an http(s) address (${USAGE})`);
        docsUrl = v.replace(/\/+$/, "");
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg} (${USAGE})`);
        patterns.push(arg);
    }
  }
  if (patterns.length === 0) throw new UsageError(USAGE);
  return { patterns, format, fix, maxWarnings, config, docsUrl };
}
