import type { z } from "zod";
import { InterviewRoomSchema, OpenRoomSchema, type InterviewRoom, type OpenRoom } from "@archboard/protocol";

/** `POST /api/rooms`, with the answer validated; errors are sentences for a toast. */
async function postRoom<S extends z.ZodType>(body: unknown, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error("The server cannot be reached, so no room can be created right now.");
  }
  if (!response.ok) {
    const detail = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const why = typeof detail?.error === "string" ? `: ${detail.error}` : ` (HTTP ${response.status})`;
    throw new Error(`The server refused to create the room${why}.`);
  }
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error("The server sent an unexpected answer when creating the room.");
  return parsed.data;
}

/** A room anyone with the link may draw in ("Share live"). */
export const createRoom = (): Promise<OpenRoom> => postRoom({ mode: "open" }, OpenRoomSchema);

/** A mock-interview room with one signed invite per role. */
export const createInterviewRoom = (ttlHours: number): Promise<InterviewRoom> =>
  postRoom({ mode: "interview", ttlHours }, InterviewRoomSchema);

/** The link to send to the other person. */
export const roomLink = (roomId: string, origin = window.location.origin) => `${origin}/r/${roomId}`;
