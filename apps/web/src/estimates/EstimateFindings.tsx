import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding } from "@archboard/diagram-lint";
import { FindingItem } from "../lint/FindingItem.tsx";
import { ruleDocsUrl } from "../lint/lintActions.ts";
import { useLint } from "../lint/lintStore.ts";

/** The diagram check's rules that hold the diagram to the estimate, in the order they are listed. */
const ESTIMATE_RULES: readonly string[] = ["SD019", "SD020", "SD021"];

const noop = () => {};

/**
 * Where the diagram and the estimate disagree, beside the figures: the same findings as
 * the Check tab (a click selects the arrows or boxes, hovering outlines them), so the
 * candidate need not switch tabs to see what a changed input did to the diagram.
 */
export function EstimateFindings({ api, hasEstimate }: { api: ExcalidrawImperativeAPI; hasEstimate: boolean }) {
  const findings = useLint((s) => s.findings);
  if (!hasEstimate) return null;
  const byRule = ESTIMATE_RULES.map((id) => findings.filter((f) => f.ruleId === id)).filter((list) => list.length > 0);
  return (
    <section className="ab-est__findings" data-testid="estimate-findings" aria-labelledby="estimate-findings-title">
      <h3 id="estimate-findings-title" className="ab-est__heading">
        The diagram against these figures
      </h3>
      {byRule.length === 0 ? (
        <p className="ab-est__empty" data-testid="estimate-findings-clean">
          Nothing on the diagram contradicts these figures.
        </p>
      ) : (
        byRule.map((list) => <RuleFindings key={list[0]!.ruleId} api={api} findings={list} />)
      )}
    </section>
  );
}

/** One rule's findings under its id and name, with a link to why it matters. */
function RuleFindings({ api, findings }: { api: ExcalidrawImperativeAPI; findings: readonly Finding[] }) {
  const { ruleId, alias } = findings[0]!;
  return (
    <div className="ab-est__rule-findings" data-rule={ruleId}>
      <p className="ab-est__rule-name">
        <span>
          {ruleId} · {alias}
        </span>
        <a className="ab-chip ab-chip--link" href={ruleDocsUrl(ruleId)} target="_blank" rel="noreferrer">
          Why?
        </a>
      </p>
      <ul>
        {findings.map((f, i) => (
          <FindingItem key={`${f.elementIds.join(",")}:${i}`} api={api} finding={f} current={false} onFocus={noop} />
        ))}
      </ul>
    </div>
  );
}
