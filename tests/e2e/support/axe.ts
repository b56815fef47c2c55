import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Violations inside Excalidraw's own markup, which we render but do not
 * write. Each is keyed by axe rule and a selector pattern, with the reason it
 * stands upstream. Everything else axe finds fails the check.
 */
export const UPSTREAM_VIOLATIONS: Array<{ rule: string; selector: RegExp; reason: string }> = [
  {
    rule: "button-name",
    selector: /^\.main-menu-trigger$/,
    reason: "Excalidraw 0.18's main-menu (hamburger) button is an icon with no aria-label or title.",
  },
  {
    rule: "aria-allowed-attr",
    selector: /^div\[aria-controls="radix-[^"]*"\]$/,
    reason:
      "Excalidraw 0.18's font picker wraps its button in a Radix Popover trigger rendered as a <div> with aria-expanded.",
  },
];

/** One node axe flagged, in a form a failure message can show. */
interface Finding {
  rule: string;
  impact: string | null | undefined;
  selector: string;
  html: string;
}

/**
 * Runs axe (WCAG 2 A and AA) on the page as it is and fails on any violation
 * from our markup. Excalidraw's known ones are recorded on the test as
 * annotations, so they stay visible in the report.
 */
export async function expectNoOwnViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const ours: Finding[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(" ");
      const known = UPSTREAM_VIOLATIONS.find((k) => k.rule === violation.id && k.selector.test(selector));
      const finding = { rule: violation.id, impact: violation.impact, selector, html: node.html.slice(0, 200) };
      if (known)
        test.info().annotations.push({
          type: `upstream ${violation.id}`,
          description: `${where}: ${selector} — ${known.reason}`,
        });
      else ours.push(finding);
    }
  }
  expect(ours, `accessibility violations on ${where}`).toEqual([]);
}
