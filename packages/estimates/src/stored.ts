/**
 * The estimate as it is stored and carried in files: the inputs as typed, by field. Only
 * the typed text is kept; every figure is derived again when read, so a file written
 * by an older reader is read with today's rules.
 */
// The mini build: functions instead of methods, so a bundle (the lint CLI) carries only
// the few checks used here rather than all of zod.
import * as z from "zod/mini";
import { FIELD_IDS, type EstimateTexts, type FieldId } from "./fields.ts";

/** Longest input kept: figures are short; anything longer is not one. */
export const MAX_INPUT_LENGTH = 80;

const Input = z.string().check(z.maxLength(MAX_INPUT_LENGTH));

/** `{ "version": 1, "inputs": { "dau": "100M", … } }` as found in a file (unknown fields dropped). */
export const StoredEstimateSchema = z.object({
  version: z.literal(1),
  // An object schema, not a record: unknown fields (from a newer version) are dropped, not refused.
  inputs: z.object(
    Object.fromEntries(FIELD_IDS.map((id) => [id, z.optional(Input)])) as Record<
      FieldId,
      z.ZodMiniOptional<typeof Input>
    >,
  ),
});
export type StoredEstimate = z.infer<typeof StoredEstimateSchema>;

/** The stored form of typed inputs: empty fields left out. */
export function storeEstimate(texts: EstimateTexts): StoredEstimate {
  const inputs: Partial<Record<FieldId, string>> = {};
  for (const id of FIELD_IDS) {
    const t = texts[id]?.trim();
    if (t) inputs[id] = t.slice(0, MAX_INPUT_LENGTH);
  }
  return { version: 1, inputs };
}

/** Reads a stored estimate from untrusted data; null when it is not one. */
export function readStoredEstimate(data: unknown): EstimateTexts | null {
  const r = StoredEstimateSchema.safeParse(data);
  if (!r.success) return null;
  const texts: EstimateTexts = {};
  for (const id of FIELD_IDS) {
    const t = r.data.inputs[id];
    if (t !== undefined) texts[id] = t;
  }
  return texts;
}
