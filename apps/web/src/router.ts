import { useSyncExternalStore } from "react";
import { parseBoardId, parseRoomId, type BoardId, type RoomId } from "@archboard/protocol";

/** The app's pages, parsed from the URL (validated: a bad id is "not found"). */
export type Route =
  | { page: "home" }
  | { page: "board"; id: BoardId }
  | { page: "room"; roomId: RoomId }
  | { page: "not-found"; path: string };

const decode = (segment: string | undefined) => {
  try {
    return decodeURIComponent(segment ?? "");
  } catch {
    return "";
  }
};

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "home" };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board) {
    const id = parseBoardId(decode(board[1]));
    if (id) return { page: "board", id };
  }
  const room = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (room) {
    const roomId = parseRoomId(decode(room[1]));
    if (roomId) return { page: "room", roomId };
  }
  return { page: "not-found", path: pathname };
}

export const boardPath = (id: BoardId) => `/b/${id}`;
export const roomPath = (roomId: RoomId) => `/r/${roomId}`;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener("popstate", notify);

/** Client-side navigation without a reload. */
export function navigate(path: string, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  notify();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
  return parseRoute(pathname);
}
