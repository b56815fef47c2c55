/**
 * The picker's search and grouping: every word typed must appear in a template's
 * title, description or tags (case-insensitive, any order), so "cache read" finds the
 * cache building block and "chat" finds the chat starter. Catalog order is kept: it is
 * already the order a user should meet templates in.
 */
import type { Template, TemplateCategory } from "@archboard/templates";

/** Section titles, in the order the picker shows them. */
export const CATEGORY_TITLES: Readonly<Record<TemplateCategory, string>> = {
  architecture: "Architecture",
  "prompt-starter": "Prompt starters",
  sequence: "Sequence diagrams",
  "building-block": "Building blocks",
};

const CATEGORY_ORDER: readonly TemplateCategory[] = ["architecture", "prompt-starter", "sequence", "building-block"];

export interface TemplateGroup {
  readonly category: TemplateCategory;
  readonly title: string;
  readonly templates: readonly Template[];
}

/** Lower-cased words of a query; punctuation separates words. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^a-z0-9/]+/)
    .filter(Boolean);
}

function haystack(t: Template): string {
  return [t.title, t.description, ...t.tags, t.category.replace("-", " ")].join(" \u0001 ").toLowerCase();
}

/** Templates matching every word of `query`; all of them for an empty query. */
export function searchTemplates(all: readonly Template[], query: string): Template[] {
  const words = queryWords(query);
  if (words.length === 0) return [...all];
  return all.filter((t) => {
    const text = haystack(t);
    return words.every((w) => text.includes(w));
  });
}

/** Non-empty groups in section order. */
export function groupTemplates(list: readonly Template[]): TemplateGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    templates: list.filter((t) => t.category === category),
  })).filter((g) => g.templates.length > 0);
}
