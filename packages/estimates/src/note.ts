/**
 * The estimate as a compact note for the board: a few lines a reader takes in at a
 * glance, each figure in display units ("Peak 76.4 k/s: reads 69.4 k/s, writes 6.94 k/s").
 * Lines whose figures are missing are left out.
 */
import { figureOf, type Estimate } from "./derive.ts";
import { formatFieldValue } from "./fields.ts";

/** The title of the note (the frame's name on the board). */
export const NOTE_TITLE = "Estimates";

/** The note's lines, most important first; empty when nothing is stated. */
export function noteLines(estimate: Estimate): string[] {
  const { inputs } = estimate;
  const f = (id: Parameters<typeof figureOf>[1]) => figureOf(estimate, id)?.display;
  const lines: string[] = [];
  const per: string[] = [];
  if (inputs.readsPerUser !== undefined)
    per.push(`${formatFieldValue("readsPerUser", inputs.readsPerUser).replace("/day", "")} reads`);
  if (inputs.writesPerUser !== undefined)
    per.push(`${formatFieldValue("writesPerUser", inputs.writesPerUser).replace("/day", "")} writes`);
  if (per.length === 0 && inputs.actionsPerUser !== undefined)
    per.push(`${formatFieldValue("actionsPerUser", inputs.actionsPerUser).replace("/day", "")} actions`);
  if (inputs.dau !== undefined)
    lines.push(`${formatFieldValue("dau", inputs.dau)} DAU${per.length ? ` × ${per.join(", ")} a day` : ""}`);
  const peak = f("peakQps"),
    reads = f("peakReadQps"),
    writes = f("peakWriteQps");
  const split = [reads && `reads ${reads}`, writes && `writes ${writes}`].filter(Boolean).join(", ");
  if (peak) lines.push(`Peak ${peak}${split ? `: ${split}` : ""} (avg ${f("avgQps")})`);
  else if (reads) lines.push(`Peak reads ${reads} (avg ${f("avgReadQps")})`);
  else if (writes) lines.push(`Peak writes ${writes} (avg ${f("avgWriteQps")})`);
  const storage = [f("storagePerDay"), f("storagePerYear") && `${f("storagePerYear")}/year`].filter(Boolean);
  if (storage.length) {
    const retained = f("storageRetained");
    const years = inputs.retention !== undefined ? formatFieldValue("retention", inputs.retention) : "";
    lines.push(`Storage ${storage.join(", ")}${retained ? `; ${retained} for ${years}` : ""}`);
  }
  const tail = [
    f("bandwidthIn") && `bandwidth in ${f("bandwidthIn")}`,
    f("bandwidthOut") && `${f("bandwidthIn") ? "" : "bandwidth "}out ${f("bandwidthOut")}`,
    f("cacheMemory") && `cache ${f("cacheMemory")}`,
    f("servers"),
  ].filter(Boolean);
  if (tail.length) lines.push(tail.join(" · ").replace(/^b/, "B"));
  return lines;
}
