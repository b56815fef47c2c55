import { CreatedRoomSchema, type CreatedRoom } from "@archboard/protocol";

/** Asks the server for a new live room. */
export async function createRoom(): Promise<CreatedRoom> {
  let response: Response;
  try {
    response = await fetch("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  } catch {
    throw new Error("The server cannot be reached, so the board cannot be shared right now.");
  }
  if (!response.ok) throw new Error(`The server refused to create a room (HTTP ${response.status}).`);
  const parsed = CreatedRoomSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error("The server sent an unexpected answer when creating a room.");
  return parsed.data;
}

/** The link to send to the other person. */
export const roomLink = (roomId: string, origin = window.location.origin) => `${origin}/r/${roomId}`;
