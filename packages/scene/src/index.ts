/**
 * @archboard/scene: the Excalidraw scene vocabulary shared by every other part of
 * Archboard — element and binding types, plane geometry, one element factory, text
 * metrics and font constants, fractional-index keys, seeded ids, component kinds.
 * A leaf: it imports no other workspace, no React and no DOM.
 */
export {
  center,
  intersects,
  intersectionArea,
  contains,
  union,
  inflate,
  distance,
  distanceToRect,
  distanceToRectXY,
  borderPoint,
  segmentHitsRect,
  ellipseArc,
  type Point,
  type Rect,
  type BoxOutline,
} from "./geometry.ts";
export {
  BINDING_GAP,
  num,
  elementBox,
  elementRect,
  polylineOf,
  polylineMidpoint,
  polylineMidpointInto,
  arrowLabelCenter,
  type ElementType,
  type BoundElement,
  type PointBinding,
  type SceneElement,
  type ElementRecord,
} from "./elements.ts";
export {
  FONT_FAMILY,
  DEFAULT_FONT_FAMILY,
  DEFAULT_FONT_SIZE,
  LINE_HEIGHT,
  BOUND_TEXT_PADDING,
  textWidth,
  textHeight,
  measureText,
  wrapText,
  maxTextWidth,
  maxTextHeight,
  type TextBlock,
} from "./text.ts";
export { glyphsExcalifontLacks } from "./glyph-advances.ts";
export { newElementId, randomInteger, hashString, mulberry32, seededRandom, type Random } from "./random.ts";
export { indexKey, indexAbove } from "./fractional-index.ts";
export { KINDS, TIER, KIND_FILL, isKind, type Kind } from "./kinds.ts";
export {
  elementFactory,
  bumped,
  INK,
  ROUNDNESS,
  type ElementFactory,
  type FactoryOptions,
  type ElementOptions,
  type TextOptions,
  type LinearOptions,
} from "./factory.ts";
