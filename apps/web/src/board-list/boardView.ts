import { z } from "zod";
import type { BoardId } from "@archboard/protocol";

/** Where the user last looked at a board: restored when they come back. */
const ViewSchema = z.object({
  scrollX: z.number().finite(),
  scrollY: z.number().finite(),
  zoom: z.number().finite().min(0.01).max(100),
});
export type BoardView = z.infer<typeof ViewSchema>;

const key = (id: BoardId) => `archboard:view:${id}`;

export function loadView(id: BoardId): BoardView | null {
  try {
    const parsed = ViewSchema.safeParse(JSON.parse(localStorage.getItem(key(id)) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveView(id: BoardId, view: BoardView) {
  localStorage.setItem(key(id), JSON.stringify(view));
}

export function forgetView(id: BoardId) {
  localStorage.removeItem(key(id));
}
