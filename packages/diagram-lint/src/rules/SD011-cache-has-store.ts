import { contains } from "@archboard/scene";
import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD011",
  alias: "cache-has-store",
  title: "A cache has a source of truth behind it",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD011.md",
};

const CACHE_WORD_RE = /\bcach(?:e|es|ing)\b/i;

/**
 * Redis is as often a primary store (counters, rate limits, sessions) as a cache: judge
 * only boxes that say "cache", or that a template tagged as one.
 */
function isCache(box: Box): boolean {
  if (box.kind !== "cache") return false;
  return box.element.customData?.["kind"] === "cache" || CACHE_WORD_RE.test(box.label);
}

/**
 * The board designs a cache server itself: the cache is drawn inside a zone that is
 * named as a cache ("Caching Core" around its LRU list), and the board has no database
 * or storage at all. Such a cache is the source of truth of its own design. With a store
 * anywhere on the board, the zone is a caching tier of a larger system and is judged.
 */
function insideCacheZone(model: DiagramModel, cache: Box): boolean {
  for (const zone of model.boxesTouching(cache.rect)) {
    if (zone === cache || !zone.isZone || !CACHE_WORD_RE.test(zone.label)) continue;
    if (contains(zone.rect, cache.rect, 0)) return true;
  }
  return false;
}

/**
 * A connected cache with no database or storage anywhere in its part of the graph
 * (arrows and plain lines, either direction). A cache with no connection at all is
 * left to SD015, so one mistake does not raise two warnings.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const storeComponents = new Set<number>();
  for (const box of model.boxes) {
    if (box.kind === "db" || box.kind === "storage") storeComponents.add(model.componentOf(box));
  }
  const hits: RuleHit[] = [];
  for (const cache of model.components) {
    if (!isCache(cache) || (cache.edges.length === 0 && cache.lineCount === 0)) continue;
    if (storeComponents.has(model.componentOf(cache)) || !enabledFor(model, meta, cache.id)) continue;
    if (storeComponents.size === 0 && insideCacheZone(model, cache)) continue;
    hits.push({
      message: `Cache ${boxName(cache)} has no database or storage behind it: where does a cache miss read from?`,
      elementIds: [cache.id],
    });
  }
  return hits;
}
