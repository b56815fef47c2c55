import { describe, expect, it } from "vitest";
import { describeMermaidError, detectDiagramType, problemText, tagKinds } from "./mermaidText.ts";

/** A labelled box as convertToExcalidrawElements produces it: container plus bound text. */
interface Fixture {
  id: string;
  type: string;
  customData?: Record<string, unknown>;
  [field: string]: unknown;
}

function labelled(id: string, label: string, x: number, extra: Record<string, unknown> = {}): Fixture[] {
  return [
    {
      id,
      type: "rectangle",
      x,
      y: 0,
      width: 160,
      height: 80,
      isDeleted: false,
      angle: 0,
      groupIds: [],
      boundElements: [{ id: `${id}-t`, type: "text" }],
      ...extra,
    },
    {
      id: `${id}-t`,
      type: "text",
      x: x + 20,
      y: 28,
      width: 120,
      height: 25,
      isDeleted: false,
      angle: 0,
      groupIds: [],
      text: label,
      originalText: label,
      containerId: id,
      boundElements: null,
    },
  ];
}

describe("kind inference on converted shapes", () => {
  it("tags boxes from their labels with the linter's kinds", () => {
    const els = [
      ...labelled("a", "Client", 0),
      ...labelled("b", "API Server", 300),
      ...labelled("c", "Database", 600),
      ...labelled("d", "Redis cache", 900),
      ...labelled("e", "Order Queue", 1200),
    ];
    const kinds = Object.fromEntries(
      tagKinds(els)
        .filter((e) => e.type !== "text")
        .map((e) => [e.id, (e as { customData?: { kind?: string } }).customData?.kind]),
    );
    expect(kinds).toEqual({ a: "client", b: "service", c: "db", d: "cache", e: "queue" });
  });

  it('uses the head noun, like the linter: "API Gateway" is a gateway, "User Service" a service', () => {
    const els = tagKinds([...labelled("g", "API Gateway", 0), ...labelled("s", "User Service", 300)]);
    expect(els.find((e) => e.id === "g")?.customData).toEqual({ kind: "lb" });
    expect(els.find((e) => e.id === "s")?.customData).toEqual({ kind: "service" });
  });

  it("leaves unclassifiable labels, texts and existing kinds alone", () => {
    const els = tagKinds([
      ...labelled("x", "Step 1", 0),
      ...labelled("y", "Database", 300, { customData: { kind: "cache" } }),
    ]);
    expect(els.find((e) => e.id === "x")?.customData).toBeUndefined();
    expect(els.find((e) => e.id === "y")?.customData).toEqual({ kind: "cache" });
    expect(els.filter((e) => e.type === "text").every((e) => e.customData === undefined)).toBe(true);
  });
});

describe("diagram type", () => {
  it("accepts flowcharts, graphs and sequence diagrams after comments and blank lines", () => {
    expect(detectDiagramType("flowchart LR; A --> B")).toEqual({ type: "flowchart", line: 1 });
    expect(detectDiagramType("\n%% comment\ngraph TD\nA-->B")).toEqual({ type: "flowchart", line: 3 });
    expect(detectDiagramType("---\ntitle: x\n---\nsequenceDiagram\nA->>B: hi")).toEqual({ type: "sequence", line: 4 });
  });

  it("names the line of anything else", () => {
    const p = detectDiagramType("\npie title Pets\n");
    expect("type" in p).toBe(false);
    expect(problemText(p as never)).toMatch(/^Line 2: start with "flowchart LR"/);
  });

  it("asks for text when there is none", () => {
    expect(problemText(detectDiagramType("  \n") as never)).toBe(
      "Type or paste a Mermaid flowchart or sequence diagram.",
    );
  });
});

describe("Mermaid errors", () => {
  const text = "flowchart LR\n  A[Client] --> B[API]\n  B -->\n";
  it("points at the line and explains an unexpected end, clamped to the last line written", () => {
    // Mermaid appends a newline, so an unfinished last line is reported one line further.
    const err = new Error(
      "Parse error on line 4:\n...-> B[API]  B --> \n-------^\nExpecting 'AMP', 'COLON', 'PIPE', got 'EOF'",
    );
    const p = describeMermaidError(err, text);
    expect(p.line).toBe(3);
    expect(problemText(p)).toMatch(/^Line 3: the text ends where more was expected/);
    expect(p.excerpt).toBe("B -->");
  });

  it("names an unexpected token, and calls unnamed ones text", () => {
    expect(
      problemText(
        describeMermaidError(
          new Error("Parse error on line 2:\nA --> --> B\n------^\nExpecting 'X', got 'ARROW'"),
          text,
        ),
      ),
    ).toBe("Line 2: unexpected arrow here");
    expect(
      problemText(describeMermaidError(new Error("Parse error on line 2:\nx\n-^\nExpecting 'X', got '1'"), text)),
    ).toBe("Line 2: unexpected text here");
  });

  it("keeps other messages readable", () => {
    expect(problemText(describeMermaidError("Lexical error on line 2. Unrecognized text.", text))).toMatch(
      /^Line 2: unrecognised text/,
    );
    expect(describeMermaidError(new Error("Something else")).message).toBe("Something else");
  });
});
