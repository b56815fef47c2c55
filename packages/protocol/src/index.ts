export { BoardIdSchema, newBoardId, parseBoardId, type BoardId } from "./ids.ts";
export { LIMITS } from "./limits.ts";
export {
  newRoomId,
  notesRoomName,
  parseRoomId,
  RoleSchema,
  roleCanReadNotes,
  roleCanWrite,
  RoomIdSchema,
  RoomModeSchema,
  type Role,
  type RoomId,
  type RoomMode,
} from "./rooms.ts";
export {
  DEFAULT_INVITE_TTL_HOURS,
  decodeTokenClaims,
  InviteSchema,
  inviteUrl,
  MAX_INVITE_TTL_HOURS,
  TOKEN_ISSUER,
  TokenClaimsSchema,
  type Invite,
  type TokenClaims,
} from "./invites.ts";
export {
  CreatedRoomSchema,
  CreateRoomRequestSchema,
  CreateRoomResponseSchema,
  InterviewRoomSchema,
  OpenRoomSchema,
  type CreatedRoom,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type InterviewRoom,
  type OpenRoom,
} from "./rooms-api.ts";
export {
  SYNC_CLOSE,
  SYNC_RETRY,
  syncCloseForCode,
  syncRetryForCode,
  type SyncClose,
  type SyncCloseKind,
  type SyncRetry,
} from "./close-codes.ts";
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
