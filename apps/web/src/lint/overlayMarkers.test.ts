import { describe, expect, it } from "vitest";
import type { Finding } from "@archboard/diagram-lint";
import { markerTargets, placeMarker } from "./overlayMarkers.ts";
import { groupFindings } from "./ruleGroups.ts";

const finding = (ruleId: string, severity: Finding["severity"], elementIds: string[], message = `${ruleId} on ${elementIds.join(",")}`): Finding => ({
  ruleId, alias: ruleId.toLowerCase(), severity, message, elementIds,
});

describe("overlay markers", () => {
  it("sit at a shape's top-right corner and a fifth of the way along an arrow", () => {
    expect(placeMarker({ type: "rectangle", x: 10, y: 20, width: 100, height: 50 })).toEqual({ x: 110, y: 20, side: "corner" });
    const arrow = { type: "arrow", x: 0, y: 0, width: 500, height: 0, points: [[0, 0], [500, 0]] as [number, number][] };
    expect(placeMarker(arrow)).toEqual({ x: 100, y: 0, side: "path" });
    const bent = { type: "arrow", x: 0, y: 0, width: 100, height: 100, points: [[0, 0], [0, 100], [100, 100]] as [number, number][] };
    expect(placeMarker(bent)).toEqual({ x: 0, y: 40, side: "path" });
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
