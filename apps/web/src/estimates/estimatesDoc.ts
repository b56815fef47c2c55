/**
 * The board's estimate lives in its Y.Doc (map "estimates": field id → the text as typed),
 * so a partner in the room sees every change live and the estimate travels with the
 * board. Only typed text is stored; figures are derived on read.
 */
import type * as Y from "yjs";
import {
  FIELD_IDS,
  MAX_INPUT_LENGTH,
  estimateFromTexts,
  type Estimate,
  type EstimateTexts,
  type FieldId,
} from "@archboard/estimates";

export const ESTIMATES_KEY = "estimates";

const KNOWN: ReadonlySet<string> = new Set(FIELD_IDS);
const mapOf = (doc: Y.Doc) => doc.getMap<unknown>(ESTIMATES_KEY);

/** The inputs as typed; anything that is not a known field's text is ignored. */
export function readEstimateTexts(doc: Y.Doc): EstimateTexts {
  const texts: EstimateTexts = {};
  for (const [id, text] of mapOf(doc)) {
    if (KNOWN.has(id) && typeof text === "string" && text.length <= MAX_INPUT_LENGTH) texts[id as FieldId] = text;
  }
  return texts;
}

/** Sets one input as typed; an empty one is removed. */
export function setEstimateText(doc: Y.Doc, id: FieldId, text: string): void {
  const map = mapOf(doc);
  const value = text.slice(0, MAX_INPUT_LENGTH);
  if (!value.trim()) {
    if (map.has(id)) map.delete(id);
  } else if (map.get(id) !== value) {
    map.set(id, value);
  }
}

/** Replaces every input at once (a prefill, an imported file), as one change. */
export function replaceEstimateTexts(doc: Y.Doc, texts: EstimateTexts): void {
  doc.transact(() => {
    for (const id of FIELD_IDS) setEstimateText(doc, id, texts[id] ?? "");
  });
}

/** The estimate worked through from the board's inputs (fields that do not read are left out). */
export function boardEstimate(doc: Y.Doc): Estimate {
  return estimateFromTexts(readEstimateTexts(doc));
}

/** Calls back on every change to the inputs, local or from a collaborator. */
export function observeEstimate(doc: Y.Doc, onChange: () => void): () => void {
  const map = mapOf(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
