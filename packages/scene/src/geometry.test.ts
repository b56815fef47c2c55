import { describe, expect, it } from "vitest";
import {
  borderPoint,
  center,
  contains,
  distance,
  distanceToRect,
  ellipseArc,
  inflate,
  intersectionArea,
  intersects,
  segmentHitsRect,
  union,
} from "./geometry.ts";
import { arrowLabelCenter, elementRect, polylineMidpoint, polylineOf } from "./elements.ts";

const box = { x: 0, y: 0, width: 100, height: 50 };

describe("rectangles", () => {
  it("overlap only when they share area, or come within the margin", () => {
    expect(intersects(box, { x: 50, y: 25, width: 100, height: 100 })).toBe(true);
    expect(intersects(box, { x: 100, y: 0, width: 10, height: 10 })).toBe(false);
    expect(intersects(box, { x: 130, y: 0, width: 10, height: 10 }, 40)).toBe(true);
    expect(intersectionArea(box, { x: 50, y: 25, width: 100, height: 100 })).toBe(50 * 25);
    expect(intersectionArea(box, { x: 200, y: 0, width: 10, height: 10 })).toBe(0);
  });

  it("contain another with some slack for sloppy drawing", () => {
    expect(contains(box, { x: 10, y: 10, width: 20, height: 20 })).toBe(true);
    expect(contains(box, { x: -2, y: 0, width: 20, height: 20 })).toBe(false);
    expect(contains(box, { x: -2, y: 0, width: 20, height: 20 }, 2)).toBe(true);
  });

  it("unite, grow and report their centre", () => {
    expect(union([box, { x: 20, y: -5, width: 200, height: 5 }])).toEqual({ x: 0, y: -5, width: 220, height: 55 });
    expect(union([])).toBeNull();
    expect(inflate(box, 10)).toEqual({ x: -10, y: -10, width: 120, height: 70 });
    expect(center(box)).toEqual({ x: 50, y: 25 });
  });

  it("measure distances from points", () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(distanceToRect({ x: 50, y: 25 }, box)).toBe(0);
    expect(distanceToRect({ x: 103, y: 54 }, box)).toBe(5);
  });
});

describe("outlines", () => {
  it("find where a ray from the centre leaves each outline, a gap further out", () => {
    expect(borderPoint("rectangle", box, { x: 500, y: 25 }, 6)).toEqual({ x: 106, y: 25 });
    expect(borderPoint("ellipse", box, { x: 50, y: 500 })).toEqual({ x: 50, y: 50 });
    const d = borderPoint("diamond", { x: 0, y: 0, width: 100, height: 100 }, { x: 100, y: 100 });
    expect(d.x).toBeCloseTo(75);
    expect(d.y).toBeCloseTo(75);
    expect(borderPoint("rectangle", box, center(box))).toEqual(center(box));
  });

  it("tell whether a segment crosses a rectangle", () => {
    expect(segmentHitsRect({ x: -10, y: 25 }, { x: 200, y: 25 }, box)).toBe(true);
    expect(segmentHitsRect({ x: -10, y: 80 }, { x: 200, y: 80 }, box)).toBe(false);
  });

  it("trace an ellipse arc through its end points", () => {
    const arc = ellipseArc(box, 0, Math.PI, 4);
    expect(arc).toHaveLength(5);
    expect(arc[0]).toEqual({ x: 100, y: 25 });
    expect(arc[2]).toEqual({ x: 50, y: 50 });
  });
});

describe("elements", () => {
  it("bound linear elements by their points and normalise negative sizes", () => {
    expect(
      elementRect({
        id: "a",
        type: "arrow",
        x: 100,
        y: 100,
        points: [
          [0, 0],
          [-50, 40],
        ],
      }),
    ).toEqual({ x: 50, y: 100, width: 50, height: 40 });
    expect(elementRect({ id: "r", type: "rectangle", x: 100, y: 100, width: -40, height: 30 })).toEqual({
      x: 60,
      y: 100,
      width: 40,
      height: 30,
    });
    expect(elementRect({ id: "r", type: "rectangle", x: Number.NaN })).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it("find an arrow's midpoint along its length, and where Excalidraw puts its label", () => {
    const arrow = {
      id: "a",
      type: "arrow",
      x: 10,
      y: 10,
      points: [
        [0, 0],
        [100, 0],
        [100, 300],
      ],
    };
    expect(polylineMidpoint(polylineOf(arrow))).toEqual({ x: 110, y: 110 });
    expect(arrowLabelCenter(arrow)).toEqual({ x: 110, y: 10 });
    expect(
      arrowLabelCenter({
        ...arrow,
        points: [
          [0, 0],
          [100, 50],
        ],
      }),
    ).toEqual({ x: 60, y: 35 });
  });
});
