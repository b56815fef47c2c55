import { z } from "zod";
import { randomBase62 } from "./ids.ts";

/**
 * Live rooms: a room's id, the roles people join it in, and its mode. An interview
 * room has a second document, the interviewer's notes and rubric, synced as room name
 * `<roomId>/notes` ({@link notesRoomName}), which only an interviewer token opens.
 * How a room is created is in rooms-api.ts; how people are let in, in invites.ts.
 */

/**
 * A sync room id: URL-safe and long enough (16+ characters) that ids minted by
 * {@link newRoomId} cannot be guessed. A shared board's id names its room, so
 * board ids of 16+ characters are valid room ids too.
 */
export const RoomIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "a room id is 16–64 letters, digits, '-' or '_'")
  .brand<"RoomId">();
export type RoomId = z.infer<typeof RoomIdSchema>;

/** 22 base62 characters carry ~131 bits. */
const ROOM_ID_LENGTH = 22;

/** A fresh random room id (22 base62 characters, uniformly drawn). */
export function newRoomId(): RoomId {
  return randomBase62(ROOM_ID_LENGTH) as RoomId;
}

/** Parses a room id from untrusted input (URL path, request body); null when invalid. */
export function parseRoomId(input: unknown): RoomId | null {
  const r = RoomIdSchema.safeParse(input);
  return r.success ? r.data : null;
}

/**
 * What a participant may do in a room. Observers read and show presence but
 * their document updates are dropped by the server.
 */
export const RoleSchema = z.enum(["interviewer", "candidate", "observer"]);
export type Role = z.infer<typeof RoleSchema>;

/** Whether a role may change the shared document. */
export const roleCanWrite = (role: Role): boolean => role !== "observer";

/** Whether a role may open the interviewer's notes document. */
export const roleCanReadNotes = (role: Role): boolean => role === "interviewer";

/** A room's kind, remembered by the server. */
export const RoomModeSchema = z.enum(["open", "interview"]);
export type RoomMode = z.infer<typeof RoomModeSchema>;

/** The room name a sync client uses for a room's private notes document. */
export const notesRoomName = (roomId: string): string => `${roomId}/notes`;
