import { describe, expect, it } from "vitest";
import { bumped, elementFactory } from "./factory.ts";
import { seededRandom } from "./random.ts";
import { DEFAULT_FONT_FAMILY, LINE_HEIGHT, measureText } from "./text.ts";

const r = { x: 100, y: 50, width: 160, height: 80 };

/** Fields Excalidraw 0.18 stores on every element. */
const COMMON = [
  "id",
  "type",
  "x",
  "y",
  "width",
  "height",
  "angle",
  "strokeColor",
  "backgroundColor",
  "fillStyle",
  "strokeWidth",
  "strokeStyle",
  "roughness",
  "opacity",
  "groupIds",
  "frameId",
  "index",
  "roundness",
  "seed",
  "version",
  "versionNonce",
  "isDeleted",
  "boundElements",
  "updated",
  "link",
  "locked",
];

describe("elementFactory", () => {
  it("fills every field Excalidraw stores, with its defaults", () => {
    const make = elementFactory();
    for (const el of [
      make.rectangle(r),
      make.ellipse(r),
      make.diamond(r),
      make.text("Hi"),
      make.frame(r, "VPC"),
      make.arrow([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ]),
      make.line([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ]),
    ]) {
      for (const field of COMMON) expect(el, `${el.type}.${field}`).toHaveProperty(field);
      expect(el.id).toMatch(/^[\w-]{21}$/);
    }
    expect(make.rectangle(r).roundness).toEqual({ type: 3 });
    expect(make.ellipse(r).roundness).toBeNull();
    expect(make.frame(r, "VPC").name).toBe("VPC");
  });

  it("makes the same elements from the same seed and clock", () => {
    const build = () => {
      const make = elementFactory({ random: seededRandom("lib-db"), now: () => 1 });
      return [make.rectangle(r, { id: "box" }), make.text("DB", { id: "t" })];
    };
    expect(build()).toEqual(build());
    expect(build()[0]!.updated).toBe(1);
  });

  it("binds a label on both sides, centred in its container and in its groups", () => {
    const make = elementFactory();
    const box = make.rectangle(r, { id: "box", groupIds: ["g"] });
    const label = make.boundLabel(box, "API Servers", { fontSize: 16 });
    expect(box.boundElements).toEqual([{ id: label.id, type: "text" }]);
    const size = measureText("API Servers", 16);
    expect(label).toMatchObject({
      containerId: "box",
      groupIds: ["g"],
      text: "API Servers",
      originalText: "API Servers",
      fontSize: 16,
      fontFamily: DEFAULT_FONT_FAMILY,
      lineHeight: LINE_HEIGHT,
      textAlign: "center",
      verticalAlign: "middle",
      width: size.width,
      height: size.height,
      x: 180 - size.width / 2,
      y: 90 - size.height / 2,
    });
  });

  it("draws arrows and lines from scene points, relative to the first", () => {
    const make = elementFactory();
    const arrow = make.arrow(
      [
        { x: 100, y: 100 },
        { x: 40, y: 160 },
      ],
      {
        startBinding: { elementId: "a", focus: 0, gap: 6 },
        endBinding: { elementId: "b", focus: 0, gap: 6 },
      },
    );
    expect(arrow).toMatchObject({
      x: 100,
      y: 100,
      width: 60,
      height: 60,
      points: [
        [0, 0],
        [-60, 60],
      ],
      endArrowhead: "arrow",
      startArrowhead: null,
      startBinding: { elementId: "a" },
      endBinding: { elementId: "b" },
      elbowed: false,
    });
    expect(
      make.line([
        { x: 0, y: 0 },
        { x: 5, y: 5 },
      ]).endArrowhead,
    ).toBeNull();
  });
});

describe("bumped", () => {
  it("applies changes as a new version with a fresh nonce", () => {
    const el = { id: "a", type: "rectangle", version: 4, versionNonce: 1, updated: 0, x: 1 };
    const next = bumped(el, { x: 2 });
    expect(next).toMatchObject({ id: "a", x: 2, version: 5 });
    expect(next.updated).toBeGreaterThan(0);
    expect(el.x).toBe(1);
  });
});
