/**
 * A prompt's scale hints as the estimate's inputs, for when the interviewer prefills the
 * assumptions. The hints are taken structurally (this package imports no other), and
 * written as text, the way a person would type them, so the fields show what was filled.
 *
 * The estimate counts one audience: the actors of the first traffic hint, when they are
 * people or client machines ("DAU", "drivers", "hosts"); traffic of other actors and hints
 * that do not fit are listed in `skipped` for the panel to show.
 */
import { trafficDirection } from "./direction.ts";
import type { EstimateTexts } from "./fields.ts";
import { isAudience } from "./quantity/measure.ts";

/** A prompt's traffic hint (requests/day = actors × per actor per day). */
export interface TrafficHint {
  readonly what: string;
  readonly actors: number;
  readonly actorUnit: string;
  readonly perActorPerDay: number;
  readonly perDay: number;
  readonly peakFactor: number;
  readonly text: string;
}

/** A prompt's storage hint (items/day × bytes × days × copies). */
export interface StorageHint {
  readonly itemsPerDay: number;
  readonly bytesPerItem: number;
  readonly retentionDays: number;
  readonly replication: number;
  readonly text: string;
}

export interface ScaleHints {
  readonly traffic: readonly TrafficHint[];
  readonly storage?: StorageHint;
}

/** Machines that send their own traffic, counted like users. */
const CLIENT_MACHINES_RE = /^(?:hosts?|devices?|agents?|sensors?)$/i;

/** "100M", "1.5k", "0.1": short and readable by the parser. */
function compact(v: number): string {
  for (const [size, suffix] of [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ] as const) {
    if (v >= size) return `${Number((v / size).toPrecision(4))}${suffix}`;
  }
  return String(Number(v.toPrecision(4)));
}

/** "500 bytes", "2 KB", "300 MB": a size as a person types it (never "500 B", which reads as billion). */
function size(bytes: number): string {
  for (const [step, unit] of [
    [1e12, "TB"],
    [1e9, "GB"],
    [1e6, "MB"],
    [1e3, "KB"],
  ] as const) {
    if (bytes >= step) return `${Number((bytes / step).toPrecision(4))} ${unit}`;
  }
  return `${bytes} bytes`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Close enough to be the same count (hints are rounded to three digits). */
const same = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(a, b);

/** The inputs a prompt's scale hints give, as text, and the hints left out with why. */
export function textsFromScaleHints(hints: ScaleHints): { texts: EstimateTexts; skipped: string[] } {
  const texts: EstimateTexts = {};
  const skipped: string[] = [];
  const main = hints.traffic[0];
  if (!main || !(isAudience(main.actorUnit) || CLIENT_MACHINES_RE.test(main.actorUnit))) {
    skipped.push(...hints.traffic.map((t) => `${t.text} (not counted per user)`));
  } else {
    texts.dau = `${compact(main.actors)} ${main.actorUnit}`;
    texts.peakFactor = `${main.peakFactor}x`;
    for (const t of hints.traffic) {
      if (!same(t.actors, main.actors)) {
        skipped.push(`${t.text} (another audience: ${compact(t.actors)} ${t.actorUnit})`);
        continue;
      }
      // Items that are stored are written, whatever the hint calls them.
      const stored = hints.storage && same(hints.storage.itemsPerDay, t.perDay);
      const direction = stored ? "write" : trafficDirection(t.what);
      const field = direction === "read" ? "readsPerUser" : direction === "write" ? "writesPerUser" : "actionsPerUser";
      if (texts[field] !== undefined) skipped.push(`${t.text} (a second ${t.what} figure)`);
      else texts[field] = compact(t.perActorPerDay);
    }
    if (texts.actionsPerUser !== undefined && (texts.readsPerUser !== undefined || texts.writesPerUser !== undefined)) {
      skipped.push(`${texts.actionsPerUser} actions per user (reads and writes are already split)`);
      delete texts.actionsPerUser;
    }
  }
  const s = hints.storage;
  if (s && texts.writesPerUser !== undefined) {
    texts.writeSize = size(s.bytesPerItem);
    texts.retention =
      s.retentionDays % 365 === 0 ? plural(s.retentionDays / 365, "year") : plural(s.retentionDays, "day");
    texts.replication = String(s.replication);
  } else if (s) {
    skipped.push(`${s.text} (its items are not the traffic above)`);
  }
  return { texts, skipped };
}
