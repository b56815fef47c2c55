/**
 * Every shipped template, drawn as full elements, passes the real diagram linter with
 * no error or warn finding; info findings are printed (they are hints the candidate is
 * meant to act on, e.g. "add observability" on a starter).
 */
import { lint, type Finding } from "@archboard/diagram-lint";
import { seededRandom } from "@archboard/scene";
import { describe, expect, it } from "vitest";
import { templates } from "./catalog/index.ts";
import { getTemplate } from "./catalog/index.ts";
import { insertBuildingBlock } from "./fragment.ts";
import { templateToElements } from "./output/elements.ts";
import { defineTemplate } from "./schema.ts";

const loud = (f: Finding) => f.severity === "error" || f.severity === "warn";
const show = (f: Finding) => `${f.severity} ${f.ruleId} ${f.alias}: ${f.message}`;

describe("lint-clean", () => {
  it.each(templates.map((t) => [t.id, t] as const))("%s has no error or warn findings", (id, t) => {
    const findings = lint(templateToElements(t));
    const info = findings.filter((f) => !loud(f));
    if (info.length > 0) console.info(`${id}: ${info.map(show).join("; ")}`);
    expect(findings.filter(loud).map(show)).toEqual([]);
  });

  it("stays clean wherever the template is placed", () => {
    for (const t of templates) {
      const els = templateToElements(t, { origin: { x: -3000, y: 1234 }, idPrefix: "p-" });
      expect(lint(els).filter(loud).map(show), t.id).toEqual([]);
    }
  });
});

/** A small board the user drew: client → LB → API → DB, as a template would draw it. */
const board = templateToElements(
  defineTemplate({
    id: "board",
    title: "Board",
    description: "A user's board.",
    category: "architecture",
    diagram: {
      type: "flow",
      components: [
        { id: "client", kind: "client", label: "Client", row: 0 },
        { id: "lb", kind: "lb", label: "Load Balancer", row: 0 },
        { id: "api", kind: "service", label: "API", row: 0 },
        { id: "db", kind: "db", label: "Postgres (primary)", row: 0 },
      ],
      connections: [
        { from: "client", to: "lb", label: "2k QPS" },
        { from: "lb", to: "api", label: "2k QPS" },
        { from: "api", to: "db", label: "write 200 QPS", style: "write" },
      ],
    },
  }),
  { idPrefix: "user-" },
);

describe("building blocks inserted on a board", () => {
  it.each([
    ["block-add-cache", "user-db"],
    ["block-add-read-replicas", "user-db"],
    ["block-add-queue-workers", "user-api"],
  ])("%s next to %s keeps the board lint-clean and bound to the selection", (blockId, anchorId) => {
    const anchor = board.find((e) => e.id === anchorId)!;
    const r = insertBuildingBlock(getTemplate(blockId)!, anchor, { random: seededRandom(blockId) });
    const scene = [...board.filter((e) => e.id !== anchorId), r.anchor, ...r.elements];
    expect(lint(scene).filter(loud).map(show)).toEqual([]);

    const arrows = r.elements.filter((e) => e.type === "arrow");
    const touching = arrows.filter(
      (a) => "startBinding" in a && (a.startBinding?.elementId === anchorId || a.endBinding?.elementId === anchorId),
    );
    expect(touching.length).toBeGreaterThan(0);
    for (const a of touching) expect(r.anchor.boundElements).toContainEqual({ id: a.id, type: "arrow" });
    expect(r.anchor.version).toBe(anchor.version + 1);
    expect(r.elements.some((e) => e.id === anchorId)).toBe(false);
  });
});
