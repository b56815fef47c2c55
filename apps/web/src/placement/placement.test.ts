import { describe, expect, it } from "vitest";
import { intersects, type Rect } from "@archboard/scene";
import { findFreeSpot, occupiedRects } from "./placement.ts";

const size = { width: 400, height: 300 };
const centre = { x: 500, y: 400 };

/** A busy scene: a 5×4 grid of 120×80 boxes, 60 px apart, around the centre. */
function busyScene(): Rect[] {
  const out: Rect[] = [];
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 4; j++) out.push({ x: 100 + i * 180, y: 150 + j * 140, width: 120, height: 80 });
  return out;
}

describe("findFreeSpot", () => {
  it("centres content on the viewport centre of an empty board", () => {
    expect(findFreeSpot(size, [], centre)).toEqual({ x: 300, y: 250 });
  });

  it("keeps clear of every existing rectangle, margin included, on a busy board", () => {
    const scene = busyScene();
    const at = findFreeSpot(size, scene, centre, { margin: 40 });
    const placed = { ...at, ...size };
    for (const r of scene) expect(intersects(placed, r, 40)).toBe(false);
  });

  it("moves only right and down from the centred position", () => {
    const at = findFreeSpot(size, busyScene(), centre);
    expect(at.x).toBeGreaterThanOrEqual(300);
    expect(at.y).toBeGreaterThanOrEqual(250);
  });

  it("is deterministic", () => {
    const scene = busyScene();
    expect(findFreeSpot(size, scene, centre)).toEqual(findFreeSpot(size, [...scene], centre));
  });

  it("prefers a small step right over a big jump", () => {
    const blocker = { x: 250, y: 200, width: 100, height: 400 };
    const at = findFreeSpot(size, [blocker], centre, { step: 50, margin: 0 });
    expect(at).toEqual({ x: 350, y: 250 });
  });

  it("goes right of everything when the search area is full", () => {
    const wall = { x: -5000, y: -5000, width: 10000, height: 10000 };
    const at = findFreeSpot(size, [wall], centre, { maxRings: 3, margin: 40, step: 80 });
    expect(at.x).toBeGreaterThan(5000);
    expect(intersects({ ...at, ...size }, wall, 40)).toBe(false);
  });

  it("finds a free spot in a board packed with 10,000 elements", () => {
    const scene: Rect[] = [];
    for (let i = 0; i < 100; i++)
      for (let j = 0; j < 100; j++) scene.push({ x: i * 150, y: j * 100, width: 120, height: 70 });
    const at = findFreeSpot(size, scene, { x: 7500, y: 5000 });
    for (const r of scene) expect(intersects({ ...at, ...size }, r, 40)).toBe(false);
  });
});

describe("occupied space", () => {
  it("skips deleted elements", () => {
    const rects = occupiedRects([
      { id: "a", type: "rectangle", x: 0, y: 0, width: 10, height: 10 },
      { id: "b", type: "rectangle", x: 50, y: 50, width: 10, height: 10, isDeleted: true },
    ]);
    expect(rects).toHaveLength(1);
  });
});
