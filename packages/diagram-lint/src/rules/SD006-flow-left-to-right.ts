import { run } from "../model/roles.ts";
import type { DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, edgeName, enabledFor, plural } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD006",
  alias: "flow-left-to-right",
  title: "Requests flow left to right",
  category: "layout",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD006.md",
};

/** Below this horizontal run (px) an arrow is not "pointing left", just sloppy. */
const MIN_RUN = 40;
/** The run must beat the rise by this much: a 45° diagonal points down as much as left. */
const SLOPE = 1.2;
/** In a design drawn mirrored, this many leftward requests are one habit, reported once. */
const HABIT_MIN = 2;

/**
 * Request edges pointing right-to-left: Δx < −max(40, 1.2·|Δy|). Exempt: two-headed or
 * headless arrows, replies and pushes (by label, or the leftward half of a request/reply
 * pair), arrows going back down the tiers (a database answering a service), arrows
 * that are not connections (sequence-diagram messages, annotations), and arrows to or
 * from a box holding code or a data sample. A design drawn
 * mirrored (its entry, the client or else the front-most tier, on the right) has one
 * habit, reported once for the design rather than once per arrow.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const leftward: Edge[] = [];
  const horizontal = new Map<number, { left: Edge[]; total: number }>();
  for (const edge of model.edges) {
    if (!isHorizontalRequest(edge)) continue;
    const region = edge.from!.region;
    let r = horizontal.get(region);
    if (!r) horizontal.set(region, (r = { left: [], total: 0 }));
    r.total++;
    if (pointsLeft(edge) && enabledFor(model, meta, edge.id)) {
      r.left.push(edge);
      leftward.push(edge);
    }
  }
  const hits: RuleHit[] = [];
  let mirrored: Set<number> | null = null;
  for (const [region, r] of horizontal) {
    if (r.left.length === 0) continue;
    mirrored ??= mirroredRegions(model);
    if (r.left.length >= HABIT_MIN && mirrored.has(region)) {
      hits.push({
        message: `${plural(r.left.length, "request arrow")} of ${r.total} in this design point right-to-left: it is drawn mirrored, with its entry on the right. Put the client on the left and lay the flow out from it to the right`,
        elementIds: r.left.map((e) => e.id),
      });
      continue;
    }
    for (const edge of r.left) {
      hits.push({
        message: `${edgeName(edge)} points right-to-left: place ${boxName(edge.from!)} to the left of ${boxName(edge.to!)}, or label the arrow as a reply if it is one`,
        elementIds: [edge.id],
      });
    }
  }
  return hits;
}

/**
 * Designs whose entry stands right of everything else: the client, or without one the
 * boxes of the front-most tier (a gateway, a load balancer).
 */
function mirroredRegions(model: DiagramModel): Set<number> {
  const front = new Map<number, { tier: number; x: number }>();
  const rightmost = new Map<number, number>();
  for (const b of model.components) {
    if (b.tier === null) continue;
    const cx = b.rect.x + b.rect.width / 2;
    const f = front.get(b.region);
    if (!f || b.tier < f.tier || (b.tier === f.tier && cx < f.x)) front.set(b.region, { tier: b.tier, x: cx });
  }
  for (const b of model.components) {
    const f = front.get(b.region);
    if (!f || b.tier === null || b.tier === f.tier) continue;
    rightmost.set(b.region, Math.max(rightmost.get(b.region) ?? -Infinity, b.rect.x + b.rect.width / 2));
  }
  const mirrored = new Set<number>();
  for (const [region, f] of front) {
    const others = rightmost.get(region);
    if (others !== undefined && f.x > others) mirrored.add(region);
  }
  return mirrored;
}

/** A single-headed request between two boxes, running mostly sideways. */
function isHorizontalRequest(edge: Edge): boolean {
  if (edge.kind !== "connection" || (edge.heads !== "forward" && edge.heads !== "reverse")) return false;
  if (!edge.from || !edge.to || edge.from === edge.to) return false;
  // Metrics and logs sit beside the request path; which side they are drawn on says nothing.
  if (edge.from.kind === "observability" || edge.to.kind === "observability") return false;
  // Arrows to or from a code snippet or a data sample explain the code, not a request path.
  if (readsAsCode(edge.from.label) || readsAsCode(edge.to.label)) return false;
  const dx = run(edge),
    dy = edge.end.y - edge.start.y;
  return Math.abs(dx) >= MIN_RUN && Math.abs(dx) > SLOPE * Math.abs(dy) && !entersFromAboveOrBelow(edge);
}

/**
 * Code or data written in a box rather than a component's name: an assignment or arrow
 * (`x = y`, `a => b`), braces, brackets or a generic type (`Pin<Box<…>>`), or a statement's
 * semicolon. Names of components use none of them; parentheses and colons they do use
 * ("Cassandra (orders)", "GET: feed"), so those do not count.
 */
const CODE = /[=;{}[\]]|\w<\w/;

function readsAsCode(label: string): boolean {
  return CODE.test(label);
}

/**
 * An elbow arrow whose last leg drops into its target from above (or rises into it):
 * a tree or a bus branching downwards, whichever way its middle leg runs.
 */
function entersFromAboveOrBelow(edge: Edge): boolean {
  const pts = edge.points;
  if (pts.length < 3) return false;
  const [a, b] = edge.heads === "reverse" ? [pts[1]!, pts[0]!] : [pts[pts.length - 2]!, pts[pts.length - 1]!];
  return Math.abs(b.y - a.y) > 2 * Math.abs(b.x - a.x);
}

function pointsLeft(edge: Edge): boolean {
  if (run(edge) >= 0 || edge.role !== "request") return false;
  const from = edge.from!,
    to = edge.to!;
  // Going back down the tiers is a reply, unless it leaves a queue: a queue hands work on.
  // Its own workers are the exception: they pull the work (the request is theirs), and
  // they sit in the services' tier, so a queue drawn right of them feeds them leftwards.
  const handsWorkOn = from.kind === "queue" && to.kind !== "worker";
  if (from.tier !== null && to.tier !== null && to.tier < from.tier && !handsWorkOn) return false;
  return true;
}
