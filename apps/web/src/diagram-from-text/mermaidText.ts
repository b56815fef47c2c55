/**
 * The pure half of "diagram from text": which Mermaid diagrams we accept, how parse
 * errors are told to the user, and how converted shapes get their kinds. Kinds come
 * from the linter's own model (`buildModel` classifies every labelled box), so a box
 * the linter would call a database is tagged `db` — one classifier, not two.
 */
import { buildModel, type SceneElement } from "@archboard/diagram-lint";

export type MermaidDiagramType = "flowchart" | "sequence";

/** A problem with the text, pointing at a line (1-based) when one is known. */
export interface MermaidProblem {
  readonly line: number | null;
  readonly message: string;
  /** The offending line as the user wrote it, when known. */
  readonly excerpt?: string;
}

/** "Line 3: …" or the bare message. */
export function problemText(p: MermaidProblem): string {
  return p.line === null ? p.message : `Line ${p.line}: ${p.message}`;
}

const HEADER_RE = /^(flowchart|graph)\b|^(sequenceDiagram)\b/;

/**
 * The diagram type named by the first meaningful line (blank lines, `%%` comments and a
 * `---` front-matter block are skipped), or a problem saying what to write instead.
 */
export function detectDiagramType(text: string): { type: MermaidDiagramType; line: number } | MermaidProblem {
  const lines = text.split("\n");
  let inFrontMatter = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === "---") {
      inFrontMatter = !inFrontMatter;
      continue;
    }
    if (inFrontMatter || l === "" || l.startsWith("%%")) continue;
    const m = HEADER_RE.exec(l);
    if (m) return { type: m[1] ? "flowchart" : "sequence", line: i + 1 };
    return {
      line: i + 1,
      message:
        'start with "flowchart LR" (or "graph TD") or "sequenceDiagram"; other Mermaid diagrams do not become editable shapes.',
    };
  }
  return { line: null, message: "Type or paste a Mermaid flowchart or sequence diagram." };
}

const LINE_RE = /on line (\d+)/i;
const GOT_RE = /got '([^']+)'/;

/**
 * Mermaid's errors as one short sentence about one line of `text`. Its parser says
 * "Parse error on line 2:", then a squashed excerpt, then a long "Expecting 'A', 'B', …
 * got 'EOF'" list, which reads better as "the text ends where more was expected". It
 * appends a newline before parsing, so an error at the very end names the line after
 * the last: that is clamped to the last line the user wrote.
 */
export function describeMermaidError(error: unknown, text = ""): MermaidProblem {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : String(error);
  const lineMatch = LINE_RE.exec(raw);
  const lines = text.split("\n");
  let lastWritten = lines.length;
  while (lastWritten > 1 && lines[lastWritten - 1]!.trim() === "") lastWritten--;
  const line = lineMatch ? (text ? Math.min(Number(lineMatch[1]), lastWritten) : Number(lineMatch[1])) : null;
  const source = line !== null && text ? lines[line - 1]?.trim() : undefined;
  const got = GOT_RE.exec(raw)?.[1];
  let message: string;
  if (got)
    message =
      got === "EOF"
        ? "the text ends where more was expected (an unfinished arrow or bracket?)"
        : `unexpected ${humanToken(got)} here`;
  else if (/lexical error/i.test(raw)) message = "unrecognised text here (check brackets and arrow syntax)";
  else
    message =
      (raw.split("\n")[0] ?? raw).replace(/^(parse|syntax) error on line \d+:?\s*/i, "").trim() ||
      "Mermaid could not read this.";
  return { line, message, ...(source ? { excerpt: source } : {}) };
}

function humanToken(token: string): string {
  const names: Record<string, string> = {
    NEWLINE: "line break",
    NEWLINE_SEQ: "line break",
    SEMI: '";"',
    ARROW: "arrow",
    SPACE: "space",
  };
  // Unnamed tokens come out as numbers or internal names, which mean nothing to a user.
  return names[token] ?? (/^[a-z]+$/i.test(token) && token.length > 1 ? `"${token.toLowerCase()}"` : "text");
}

/** Elements as far as kind inference needs them. */
export interface KindTaggable {
  readonly id: string;
  readonly customData?: Record<string, unknown> | undefined;
}

/**
 * Copies of `elements` where every labelled component box the linter can classify
 * carries `customData.kind`; a kind already set is kept. The kind then survives the
 * user editing the label, as it does for template boxes.
 */
export function tagKinds<E extends KindTaggable>(elements: readonly E[]): E[] {
  const model = buildModel(elements as unknown as readonly SceneElement[]);
  const kinds = new Map<string, string>();
  for (const box of model.boxes) if (!box.isZone && box.kind && box.label) kinds.set(box.id, box.kind);
  return elements.map((el) => {
    const kind = kinds.get(el.id);
    if (!kind || typeof el.customData?.["kind"] === "string") return el;
    return { ...el, customData: { ...el.customData, kind } };
  });
}
