import { z } from "zod";
import { DEFAULT_INVITE_TTL_HOURS, InviteSchema, MAX_INVITE_TTL_HOURS } from "./invites.ts";
import { RoomIdSchema } from "./rooms.ts";

/**
 * The `POST /api/rooms` contract: what a client asks for (an open room, or an
 * interview room with invites that expire) and what the server answers.
 */

const InterviewRequestSchema = z
  .object({
    mode: z.literal("interview"),
    /** How long the invite links stay valid, in hours (1–168, default 24). */
    ttlHours: z.number().min(1).max(MAX_INVITE_TTL_HOURS).default(DEFAULT_INVITE_TTL_HOURS),
  })
  .strict();
const OpenRequestSchema = z.object({ mode: z.literal("open") }).strict();

/**
 * Body of `POST /api/rooms`. An empty body or `{}` creates an open room
 * (a missing `mode` reads as "open"); unknown fields are refused.
 */
export const CreateRoomRequestSchema = z.preprocess(
  (v) => (typeof v === "object" && v !== null && !Array.isArray(v) && !("mode" in v) ? { ...v, mode: "open" } : v),
  z.discriminatedUnion("mode", [InterviewRequestSchema, OpenRequestSchema]),
);
/** What a client sends. */
export type CreateRoomRequest = { mode?: "open" } | z.input<typeof InterviewRequestSchema>;

/** Body of the `POST /api/rooms` answer. */
export const CreatedRoomSchema = z.object({
  /** The new room's id. */
  roomId: RoomIdSchema,
  /** WebSocket path for the y-websocket provider: `/sync/<roomId>`. */
  syncPath: z.string(),
  /** App path that opens the room: `/r/<roomId>`. */
  url: z.string(),
});
export type CreatedRoom = z.infer<typeof CreatedRoomSchema>;

/** `201` answer for `{ mode: "interview" }`. */
export const InterviewRoomSchema = z.object({
  roomId: RoomIdSchema,
  mode: z.literal("interview"),
  /** When every invite link of this room stops working (ms since the epoch). */
  expiresAt: z.number().int(),
  invites: z.object({ interviewer: InviteSchema, candidate: InviteSchema, observer: InviteSchema }),
});
export type InterviewRoom = z.infer<typeof InterviewRoomSchema>;

/** `201` answer for `{}` or `{ mode: "open" }`: anyone with the link may draw. */
export const OpenRoomSchema = CreatedRoomSchema.extend({ mode: z.literal("open") });
export type OpenRoom = z.infer<typeof OpenRoomSchema>;

/** Either `201` answer of `POST /api/rooms`. */
export const CreateRoomResponseSchema = z.discriminatedUnion("mode", [OpenRoomSchema, InterviewRoomSchema]);
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;
