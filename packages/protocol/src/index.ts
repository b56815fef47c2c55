export { BoardIdSchema, newBoardId, parseBoardId, type BoardId } from "./ids.ts";
export { LIMITS } from "./limits.ts";
export {
  CreatedRoomSchema,
  newRoomId,
  parseRoomId,
  RoleSchema,
  roleCanWrite,
  RoomIdSchema,
  type CreatedRoom,
  type Role,
  type RoomId,
} from "./rooms.ts";
export {
  AwarenessStateSchema,
  parseAwarenessState,
  PresencePointerSchema,
  PresenceUserSchema,
  ViewportSchema,
  type AwarenessState,
  type PresencePointer,
  type PresenceUser,
  type Viewport,
} from "./awareness.ts";
