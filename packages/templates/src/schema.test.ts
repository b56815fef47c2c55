import { describe, expect, it } from "vitest";
import { templates } from "./catalog/index.ts";
import { defineTemplate, TemplateSchema, type TemplateInput } from "./schema.ts";

/** A small valid flow template; each bad case changes one thing. */
function base(): TemplateInput {
  return {
    id: "tiny",
    title: "Tiny",
    description: "A client calling an API backed by a database.",
    category: "architecture",
    tags: ["tiny"],
    diagram: {
      type: "flow",
      components: [
        { id: "client", kind: "client", label: "Client", row: 0 },
        { id: "api", kind: "service", label: "API", row: 0 },
        { id: "db", kind: "db", label: "DB (primary)", row: 0 },
      ],
      connections: [
        { from: "client", to: "api", label: "GET /x 1k QPS" },
        { from: "api", to: "db", label: "read 900 QPS", style: "read" },
      ],
    },
  };
}

const flow = (t: TemplateInput) => t.diagram as Extract<TemplateInput["diagram"], { type: "flow" }>;

function errorsOf(t: TemplateInput): string {
  const r = TemplateSchema.safeParse(t);
  return r.success ? "" : r.error.issues.map((i) => i.message).join(" | ");
}

describe("TemplateSchema", () => {
  it("accepts every shipped template and a small hand-written one, filling defaults", () => {
    for (const t of templates) expect(TemplateSchema.safeParse(t).success, t.id).toBe(true);
    const t = defineTemplate(base());
    expect(t.diagram.type === "flow" && t.diagram.notes).toEqual([]);
    expect(t.diagram.type === "flow" && t.diagram.connections[0]?.style).toBe("request");
  });

  it.each<[string, (t: TemplateInput) => void, RegExp]>([
    [
      "an unknown endpoint",
      (t) => {
        flow(t).connections![0]!.to = "nope";
      },
      /unknown component "nope"/,
    ],
    [
      "a label without a number",
      (t) => {
        flow(t).connections![0]!.label = "GET /x";
      },
      /example number/,
    ],
    [
      "two boxes in one cell",
      (t) => {
        flow(t).components.push({ id: "api2", kind: "worker", label: "Workers", row: 0 });
      },
      /shares its cell/,
    ],
    [
      "a tiered kind moved off its column",
      (t) => {
        flow(t).components[1]!.column = 5;
      },
      /its column is its tier/,
    ],
    [
      "a second arrow between the same pair",
      (t) => {
        flow(t).connections!.push({ from: "api", to: "client", label: "200 OK 1k/s" });
      },
      /second arrow/,
    ],
    [
      "a self-loop",
      (t) => {
        flow(t).connections!.push({ from: "db", to: "db", label: "1 QPS" });
      },
      /two different components/,
    ],
    [
      "an unknown kind",
      (t) => {
        (flow(t).components[0] as { kind: string }).kind = "firewall";
      },
      /Invalid option/,
    ],
    [
      "a zone around nothing known",
      (t) => {
        flow(t).zones = [{ id: "z", label: "Zone", members: ["ghost"] }];
      },
      /zone member "ghost"/,
    ],
    [
      "a starter without its prompt",
      (t) => {
        t.category = "prompt-starter";
      },
      /promptId/,
    ],
    [
      "a building block without an anchor",
      (t) => {
        t.category = "building-block";
      },
      /anchor/,
    ],
    [
      "an anchor outside a building block",
      (t) => {
        flow(t).anchor = "db";
      },
      /anchor/,
    ],
    [
      "an id with spaces",
      (t) => {
        t.id = "Not An Id";
      },
      /lower-case/,
    ],
  ])("rejects %s", (_name, spoil, message) => {
    const t = base();
    spoil(t);
    expect(errorsOf(t)).toMatch(message);
  });

  it("checks sequence diagrams: known lifelines, numbered messages, category agreement", () => {
    const seq: TemplateInput = {
      id: "seq",
      title: "Seq",
      description: "Two lifelines.",
      category: "sequence",
      diagram: {
        type: "sequence",
        participants: [
          { id: "a", kind: "client", label: "A" },
          { id: "b", kind: "service", label: "B" },
        ],
        messages: [
          { from: "a", to: "b", label: "1. GET /x" },
          { from: "b", to: "a", label: "2. 200 OK", reply: true },
        ],
      },
    };
    expect(errorsOf(seq)).toBe("");
    const unnumbered = structuredClone(seq);
    (unnumbered.diagram as { messages: { label: string }[] }).messages[0]!.label = "GET /x";
    expect(errorsOf(unnumbered)).toMatch(/step number/);
    const ghost = structuredClone(seq);
    (ghost.diagram as { messages: { to: string }[] }).messages[0]!.to = "c";
    expect(errorsOf(ghost)).toMatch(/unknown participant "c"/);
    expect(errorsOf({ ...seq, category: "architecture" })).toMatch(/sequence templates/);
  });

  it("defineTemplate names the template and the problem", () => {
    const t = base();
    flow(t).connections![1]!.from = "ghost";
    expect(() => defineTemplate(t)).toThrow(
      /Invalid template "tiny": diagram\.connections\.1\.from: unknown component "ghost"/,
    );
  });
});
