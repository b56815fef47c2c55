export { BoardIdSchema, newBoardId, parseBoardId, type BoardId } from "./ids.ts";
export { LIMITS } from "./limits.ts";
