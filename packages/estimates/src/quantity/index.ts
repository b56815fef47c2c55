export { parseQuantity, quote } from "./parse.ts";
export { findQuantities } from "./scan.ts";
export { measureOf, isAudience, perSecond, type Measure } from "./measure.ts";
export type { Quantity, QuantityUnit, ParseResult } from "./types.ts";
export type { Qualifier } from "./units.ts";
