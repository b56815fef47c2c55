import { relative, sep } from "node:path";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { rules } from "../rules/index.ts";
import type { Finding, Severity } from "../types.ts";

/** The SARIF 2.1.0 schema address tools recognise. */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: "error", warn: "warning", info: "note" };

/** Findings of one file. */
export interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/**
 * A SARIF 2.1.0 log of one run over several files: every rule with its help page
 * (`<docsUrl>/rules/SDxxx.html`, as the web app serves them), every file as an
 * artifact (paths relative to `cwd`, forward slashes), every finding as a result
 * located in its file, with the elements it names as logical locations (an element id
 * is to a board what a line number is to source code).
 */
export function toSarif(results: readonly FileFindings[], cwd: string, docsUrl: string): Log {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.alias,
    shortDescription: { text: r.title },
    helpUri: `${docsUrl}/rules/${r.id}.html`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { category: r.category, heuristic: r.heuristic, tags: [r.category] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({ location: { uri: uriOf(r.file, cwd) } }));
  const out: Result[] = [];
  results.forEach((r, fileIndex) => {
    for (const f of r.findings) {
      out.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: artifacts[fileIndex]!.location.uri, index: fileIndex } },
            ...(f.elementIds.length > 0
              ? {
                  logicalLocations: f.elementIds.map((id) => ({
                    name: id,
                    kind: "element",
                    fullyQualifiedName: `${artifacts[fileIndex]!.location.uri}#${id}`,
                  })),
                }
              : {}),
          },
        ],
        ...(f.suggestions && f.suggestions.length > 0
          ? { properties: { suggestions: f.suggestions.map((s) => s.title) } }
          : {}),
      });
    }
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "archboard-lint", informationUri: `${docsUrl}/rules/`, rules: descriptors } },
        artifacts,
        results: out,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}

/** A file path as a SARIF artifact URI: relative to `cwd` when inside it, forward slashes, escaped. */
function uriOf(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const inside = rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
  const path = (inside ? rel : file).split(sep).join("/");
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return inside ? encoded : `file://${encoded.startsWith("/") ? "" : "/"}${encoded}`;
}
