import type { Estimate } from "@archboard/estimates";
import type { DiagramModel } from "./model/types.ts";

/** How loudly a finding speaks. `error` makes the CLI exit 1. */
export type Severity = "error" | "warn" | "info";

/** A board's setting for one rule. */
export type RuleSetting = Severity | "off";

/** What a rule checks, in the terms the panel groups findings by. */
export type RuleCategory = "labels" | "structure" | "layout" | "estimates" | "reliability" | "simplicity";

/** Static description of a rule: the contract ids of docs/rules/README.md plus docs. */
export interface RuleMeta {
  /** Stable id, e.g. "SD006". */
  readonly id: string;
  /** Stable readable alias, e.g. "flow-left-to-right". */
  readonly alias: string;
  readonly title: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Judges drawing habits by inference (may misfire) rather than by plain facts. */
  readonly heuristic: boolean;
  /** Repository-relative docs page, e.g. "docs/rules/SD006.md". */
  readonly docs: string;
}

/** A mechanical change the user may apply; `applyFix` reads `fix`. */
export interface Suggestion {
  readonly title: string;
  /** Machine-readable description of the change (extra to the contract shape). */
  readonly fix?: FixAction;
}

/** The fixes `applyFix` knows how to perform. */
export type FixAction =
  | { readonly kind: "bind-text"; readonly textId: string; readonly containerId: string }
  | { readonly kind: "add-arrow-label"; readonly arrowId: string; readonly text: string }
  | { readonly kind: "bind-arrow"; readonly arrowId: string; readonly end: "start" | "end"; readonly boxId: string };

/** One problem found on the board (docs/rules/README.md, "Finding shape"). */
export interface Finding {
  readonly ruleId: string;
  readonly alias: string;
  readonly severity: Severity;
  /** Human sentence naming elements by their labels. */
  readonly message: string;
  /** Elements to select and zoom to; empty for scene-level findings. */
  readonly elementIds: string[];
  readonly suggestions?: Suggestion[];
}

/** What a rule reports; the engine adds id, alias and the configured severity. */
export interface RuleHit {
  readonly message: string;
  readonly elementIds: string[];
  readonly suggestions?: Suggestion[];
}

/** Per-board lint settings. Rule keys may be ids ("SD006") or aliases ("flow-left-to-right"). */
export interface LintConfig {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * The board's estimate (the Estimates panel, `deriveEstimate` of `@archboard/estimates`),
   * for the rules that hold the diagram to it: SD019 compares arrow rates with its QPS,
   * SD021 looks for its storage figures. Without one, SD019 stays quiet.
   */
  readonly estimate?: Estimate;
}

/** A rule module: metadata plus a pure check over the shared model. */
export interface Rule extends RuleMeta {
  check: (model: DiagramModel, config: LintConfig) => RuleHit[];
}
