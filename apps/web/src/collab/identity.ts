import { PresenceUserSchema, type PresenceUser } from "@archboard/protocol";

const KEY = "archboard:identity";

/** Cursor colours that read well on light and dark boards. */
export const PRESENCE_COLORS = ["#1971c2", "#e8590c", "#2f9e44", "#c2255c", "#6741d9", "#0c8599", "#f08c00", "#5c940d"];

function randomIdentity(): PresenceUser {
  const n = Math.floor(Math.random() * 90) + 10;
  return { name: `Guest ${n}`, color: PRESENCE_COLORS[n % PRESENCE_COLORS.length]! };
}

/** The name and colour others see, remembered in this browser. */
export function loadIdentity(): PresenceUser {
  try {
    const parsed = PresenceUserSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? "null"));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to a fresh identity
  }
  const fresh = randomIdentity();
  localStorage.setItem(KEY, JSON.stringify(fresh));
  return fresh;
}

export function saveIdentity(user: PresenceUser): PresenceUser {
  const parsed = PresenceUserSchema.parse({ ...user, name: user.name.trim().slice(0, 40) || loadIdentity().name });
  localStorage.setItem(KEY, JSON.stringify(parsed));
  return parsed;
}
