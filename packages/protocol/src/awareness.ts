import { z } from "zod";
import { RoleSchema } from "./rooms.ts";

/**
 * What each participant publishes through y-protocols awareness. It is sent
 * by other people's browsers, so it is validated on receipt: a malformed
 * state is ignored (that person's cursor does not show), never trusted.
 */
const finite = z.number().finite();

export const PresenceUserSchema = z.object({
  name: z.string().trim().min(1).max(40),
  /** A CSS hex colour for the cursor and selection outline. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const PresencePointerSchema = z.object({
  x: finite,
  y: finite,
  tool: z.enum(["pointer", "laser"]),
  button: z.enum(["up", "down"]),
});

/** The scene rectangle a participant sees, for follow mode. */
export const ViewportSchema = z.object({
  x1: finite,
  y1: finite,
  x2: finite,
  y2: finite,
});

export const AwarenessStateSchema = z.object({
  user: PresenceUserSchema,
  role: RoleSchema.optional(),
  pointer: PresencePointerSchema.nullable().optional(),
  selectedElementIds: z.array(z.string().max(64)).max(5000).optional(),
  idle: z.enum(["active", "idle", "away"]).optional(),
  viewport: ViewportSchema.nullable().optional(),
});

export type PresenceUser = z.infer<typeof PresenceUserSchema>;
export type PresencePointer = z.infer<typeof PresencePointerSchema>;
export type Viewport = z.infer<typeof ViewportSchema>;
export type AwarenessState = z.infer<typeof AwarenessStateSchema>;

/** Parses one remote awareness state; null when it is not a valid presence. */
export function parseAwarenessState(input: unknown): AwarenessState | null {
  const r = AwarenessStateSchema.safeParse(input);
  return r.success ? r.data : null;
}
