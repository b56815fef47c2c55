/**
 * Templates are data. This file is their contract: zod schemas that every shipped
 * template passes at load time, and that templates arriving from elsewhere (a file, a
 * URL, a future user library) must pass before the layout trusts them.
 */
import { z } from "zod";
import { CONNECTION_STYLES, KINDS, TIER } from "./kinds.ts";

/** Short ids: they become element-id suffixes, so keep them plain. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes");

/** A box in a flow diagram: placed in its kind's tier column, at `row`. */
export const ComponentSchema = z.object({
  id: Id,
  kind: z.enum(KINDS),
  /** What the box says, e.g. "API Servers"; short enough to fit two lines of the box. */
  label: z.string().trim().min(1).max(40),
  /** Row within the column, top = 0. Rows may be left empty to keep arrows clear of boxes. */
  row: z.number().int().min(0).max(12),
  /** Only for kinds without a tier (observability); tiered kinds always sit in their tier's column. */
  column: z.number().int().min(0).max(8).optional(),
});

/** An arrow between two components. */
export const ConnectionSchema = z.object({
  from: Id,
  to: Id,
  /** What travels, with an example figure: "read 12k QPS", "2 MB/upload". */
  label: z.string().trim().min(1).max(48).regex(/\d/, 'carry an example number ("12k QPS", "2 MB/upload")'),
  style: z.enum(CONNECTION_STYLES).default("request"),
});

/** A free text placed under the diagram: assumptions, legend, open questions. */
export const NoteSchema = z.object({ text: z.string().trim().min(1).max(400) });

/** A labelled grouping drawn around some components ("Async processing", "Data tier"). */
export const ZoneSchema = z.object({
  id: Id,
  label: z.string().trim().min(1).max(40),
  members: z.array(Id).min(1),
});

export const FlowDiagramSchema = z.object({
  type: z.literal("flow"),
  components: z.array(ComponentSchema).min(1),
  connections: z.array(ConnectionSchema).default([]),
  notes: z.array(NoteSchema).default([]),
  zones: z.array(ZoneSchema).default([]),
  /** Building blocks only: the component standing for the element the user selected. */
  anchor: Id.optional(),
});

/** A lifeline of a sequence diagram; its kind tells the linter which way calls flow. */
export const ParticipantSchema = z.object({ id: Id, kind: z.enum(KINDS), label: z.string().trim().min(1).max(30) });

/** One numbered message between lifelines, top to bottom in array order. */
export const MessageSchema = z.object({
  from: Id,
  to: Id,
  /** "1. POST /pay": the step number leads. */
  label: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^\d+[a-z]?\.\s/, 'start with the step number, e.g. "1. "'),
  reply: z.boolean().default(false),
});

export const SequenceDiagramSchema = z.object({
  type: z.literal("sequence"),
  participants: z.array(ParticipantSchema).min(2),
  messages: z.array(MessageSchema).min(1),
  notes: z.array(NoteSchema).default([]),
});

export const DiagramSchema = z.discriminatedUnion("type", [FlowDiagramSchema, SequenceDiagramSchema]);

export const TEMPLATE_CATEGORIES = ["architecture", "prompt-starter", "sequence", "building-block"] as const;

export const TemplateSchema = z
  .object({
    id: Id,
    title: z.string().trim().min(1).max(80),
    description: z.string().trim().min(1).max(400),
    category: z.enum(TEMPLATE_CATEGORIES),
    /** Lower-case search terms. */
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9 /-]*$/)).default([]),
    /** Prompt starters: the prompt-bank entry this template starts. */
    promptId: Id.optional(),
    diagram: DiagramSchema,
  })
  .superRefine((t, ctx) => {
    const issue = (message: string, path: (string | number)[] = []): void => {
      ctx.addIssue({ code: "custom", message, path });
    };
    if ((t.category === "prompt-starter") !== (t.promptId !== undefined)) {
      issue("prompt starters, and only they, name a promptId", ["promptId"]);
    }
    if ((t.category === "sequence") !== (t.diagram.type === "sequence")) {
      issue("sequence templates, and only they, hold a sequence diagram", ["diagram", "type"]);
    }
    if (t.diagram.type === "flow") checkFlow(t.diagram, t.category === "building-block", issue);
    else checkSequence(t.diagram, issue);
  });

type Issue = (message: string, path?: (string | number)[]) => void;

function checkFlow(d: z.output<typeof FlowDiagramSchema>, isBlock: boolean, issue: Issue): void {
  const ids = new Set<string>();
  const cells = new Set<string>();
  d.components.forEach((c, i) => {
    if (ids.has(c.id)) issue(`duplicate component id "${c.id}"`, ["diagram", "components", i, "id"]);
    ids.add(c.id);
    if (c.column !== undefined && TIER[c.kind] !== null) {
      issue(`"${c.id}" is a ${c.kind}: its column is its tier (${TIER[c.kind]})`, [
        "diagram",
        "components",
        i,
        "column",
      ]);
    }
    const cell = `${TIER[c.kind] ?? c.column ?? "x"}:${c.row}`;
    if (cells.has(cell))
      issue(`"${c.id}" shares its cell (column:row ${cell}) with another component`, [
        "diagram",
        "components",
        i,
        "row",
      ]);
    cells.add(cell);
  });
  const pairs = new Set<string>();
  d.connections.forEach((c, i) => {
    const path = ["diagram", "connections", i];
    if (!ids.has(c.from)) issue(`unknown component "${c.from}"`, [...path, "from"]);
    if (!ids.has(c.to)) issue(`unknown component "${c.to}"`, [...path, "to"]);
    if (c.from === c.to) issue("a connection joins two different components", path);
    // Two arrows between the same pair would be drawn on top of each other.
    const pair = [c.from, c.to].sort().join("|");
    if (pairs.has(pair)) issue(`a second arrow between "${c.from}" and "${c.to}"`, path);
    pairs.add(pair);
  });
  d.zones.forEach((z, i) => {
    for (const m of z.members)
      if (!ids.has(m)) issue(`zone member "${m}" is not a component`, ["diagram", "zones", i, "members"]);
  });
  if (isBlock !== (d.anchor !== undefined))
    issue("building blocks, and only they, declare an anchor", ["diagram", "anchor"]);
  if (d.anchor !== undefined && !ids.has(d.anchor))
    issue(`anchor "${d.anchor}" is not a component`, ["diagram", "anchor"]);
}

function checkSequence(d: z.output<typeof SequenceDiagramSchema>, issue: Issue): void {
  const ids = new Set<string>();
  d.participants.forEach((p, i) => {
    if (ids.has(p.id)) issue(`duplicate participant id "${p.id}"`, ["diagram", "participants", i, "id"]);
    ids.add(p.id);
  });
  d.messages.forEach((m, i) => {
    const path = ["diagram", "messages", i];
    if (!ids.has(m.from)) issue(`unknown participant "${m.from}"`, [...path, "from"]);
    if (!ids.has(m.to)) issue(`unknown participant "${m.to}"`, [...path, "to"]);
    if (m.from === m.to) issue("a message joins two different lifelines", path);
  });
}

/** A validated template (defaults filled in). */
export type Template = z.output<typeof TemplateSchema>;
/** What template data is written as (defaults optional). */
export type TemplateInput = z.input<typeof TemplateSchema>;
export type TemplateCategory = Template["category"];
export type Diagram = Template["diagram"];
export type FlowDiagram = z.output<typeof FlowDiagramSchema>;
export type SequenceDiagram = z.output<typeof SequenceDiagramSchema>;
export type Component = z.output<typeof ComponentSchema>;
export type Connection = z.output<typeof ConnectionSchema>;

/**
 * Validates template data, throwing a readable error naming the template and the
 * first problems. Shipped templates go through this when the module loads.
 */
export function defineTemplate(input: TemplateInput): Template {
  const result = TemplateSchema.safeParse(input);
  if (result.success) return result.data;
  const where = typeof input === "object" && input && "id" in input ? String(input.id) : "?";
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid template "${where}": ${problems.join("; ")}`);
}
