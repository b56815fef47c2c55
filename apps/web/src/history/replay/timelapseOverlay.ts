/**
 * The strip drawn over every time-lapse frame: the time of day the moment
 * happened, the interview clock as it read then (phase and time spent), and
 * how much faster than life the video runs.
 */
import { formatClock } from "../../interview/clock.ts";
import type { ReplayMoment } from "./replayCursor.ts";

/** Height of the strip at the top of the frame (px). */
export const OVERLAY_HEIGHT = 56;

/** "14:05" (or "02:05 PM") in this browser's time zone and manner, as the History tab shows times. */
const timeOfDay = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** The clock as the strip words it: "Design · 12:30 of 45:00", or its state once finished. */
export function clockCaption(moment: ReplayMoment): string | null {
  const c = moment.clock;
  if (!c) return null;
  if (c.status === "finished") return `Interview finished · ${formatClock(c.totalElapsedMs)}`;
  const state = c.status === "paused" ? " (paused)" : "";
  return `${c.phase.label} · ${formatClock(c.elapsedMs)}${state} · total ${formatClock(c.totalElapsedMs)} of ${formatClock(c.plannedTotalMs)}`;
}

/** Draws the strip across the top of `ctx`'s canvas. */
export function drawOverlay(ctx: CanvasRenderingContext2D, moment: ReplayMoment, speed: number): void {
  const { width } = ctx.canvas;
  ctx.fillStyle = "#1e1e2e";
  ctx.fillRect(0, 0, width, OVERLAY_HEIGHT);
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#ffffff";
  ctx.font = "600 24px system-ui, sans-serif";
  ctx.textAlign = "left";
  const time = timeOfDay(moment.at);
  ctx.fillText(time, 20, OVERLAY_HEIGHT / 2);
  // A 12-hour clock's "PM" makes the time wider: the caption starts after it, whatever its length.
  const captionX = 20 + ctx.measureText(time).width + 24;
  const caption = clockCaption(moment);
  if (caption) {
    ctx.font = "20px system-ui, sans-serif";
    ctx.fillText(caption, captionX, OVERLAY_HEIGHT / 2);
  }
  ctx.textAlign = "right";
  ctx.font = "18px system-ui, sans-serif";
  ctx.fillStyle = "#b4b4c8";
  ctx.fillText(`${Math.round(speed)}× time-lapse · Archboard`, width - 20, OVERLAY_HEIGHT / 2);
}
