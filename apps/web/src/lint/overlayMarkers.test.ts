import { describe, expect, it } from "vitest";
import type { Finding } from "@archboard/diagram-lint";
import { markerTargets, placeMarker } from "./overlayMarkers.ts";
import { groupFindings } from "./ruleGroups.ts";

const finding = (
  ruleId: string,
  severity: Finding["severity"],
  elementIds: string[],
  message = `${ruleId} on ${elementIds.join(",")}`,
): Finding => ({
  ruleId,
  alias: ruleId.toLowerCase(),
  severity,
  message,
  elementIds,
});

describe("overlay markers", () => {
  it("sit at a shape's top-right corner, pushed out of it", () => {
    const box = placeMarker({ type: "rectangle", x: 10, y: 20, width: 100, height: 50 });
    expect(box).toMatchObject({ x: 110, y: 20 });
    expect(box.away.x).toBeGreaterThan(0);
    expect(box.away.y).toBeLessThan(0);
  });

  it("sit a fifth of the way along an arrow, beside the line rather than on it", () => {
    const arrow = {
      type: "arrow",
      x: 0,
      y: 0,
      width: 500,
      height: 0,
      points: [
        [0, 0],
        [500, 0],
      ] as [number, number][],
    };
    expect(placeMarker(arrow)).toEqual({ x: 100, y: 0, away: { x: 0, y: -1 } });
    const leftward = {
      ...arrow,
      points: [
        [0, 0],
        [-500, 0],
      ] as [number, number][],
    };
    expect(placeMarker(leftward).away).toEqual({ x: 0, y: -1 });
    // On a vertical stretch (this bent arrow's first leg) the badge goes to the right of it.
    const bent = {
      type: "arrow",
      x: 0,
      y: 0,
      width: 100,
      height: 100,
      points: [
        [0, 0],
        [0, 100],
        [100, 100],
      ] as [number, number][],
    };
    expect(placeMarker(bent)).toEqual({ x: 0, y: 40, away: { x: 1, y: 0 } });
    const diagonal = placeMarker({
      ...arrow,
      points: [
        [0, 0],
        [300, 300],
      ] as [number, number][],
    });
    expect(diagonal.away.y).toBeLessThan(0);
    expect(Math.hypot(diagonal.away.x, diagonal.away.y)).toBeCloseTo(1);
  });

  it("mark each element once, with its highest-priority rule and every rule's line", () => {
    const bounds = { box: { minX: 0, minY: 0, maxX: 10, maxY: 10 }, arrow: { minX: 50, minY: 0, maxX: 90, maxY: 0 } };
    const groups = groupFindings(
      [
        finding("SD013", "info", ["box"], "Text is not bound"),
        finding("SD015", "warn", ["box"], "“DB” has no arrows"),
        finding("SD002", "warn", ["arrow"]),
      ],
      (id) => bounds[id as keyof typeof bounds],
    );
    const targets = markerTargets(groups);
    expect(targets.size).toBe(2);
    expect(targets.get("box")).toMatchObject({ severity: "warn", ruleId: "SD015", index: 0 });
    expect(targets.get("box")!.titles).toEqual(["SD015 · “DB” has no arrows", "SD013 · Text is not bound"]);
    expect(targets.get("arrow")).toMatchObject({ ruleId: "SD002", titles: ["SD002 · SD002 on arrow"] });
  });
});
