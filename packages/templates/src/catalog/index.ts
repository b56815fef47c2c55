import type { Template } from "../schema.ts";
import { standardArchitecture } from "./architecture.ts";
import { buildingBlocks } from "./building-blocks.ts";
import { paymentSequence } from "./sequence.ts";
import { starters } from "./starters.ts";

/** Every shipped template: the standard architecture, the prompt starters, the sequence diagram, the building blocks. */
export const templates: readonly Template[] = [standardArchitecture, ...starters, paymentSequence, ...buildingBlocks];

const byId = new Map(templates.map((t) => [t.id, t]));

/** The shipped template with this id, or undefined. */
export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
