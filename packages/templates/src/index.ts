/**
 * @archboard/templates: template specs (data, zod-validated) → laid-out diagrams →
 * Excalidraw element skeletons or full elements; building blocks inserted next to a
 * selected element. Pure TypeScript: no React, no DOM.
 */
export { templates, getTemplate } from "./catalog/index.ts";
export {
  TemplateSchema,
  DiagramSchema,
  FlowDiagramSchema,
  SequenceDiagramSchema,
  ComponentSchema,
  ConnectionSchema,
  ZoneSchema,
  NoteSchema,
  ParticipantSchema,
  MessageSchema,
  TEMPLATE_CATEGORIES,
  defineTemplate,
  type Template,
  type TemplateInput,
  type TemplateCategory,
  type Diagram,
  type FlowDiagram,
  type SequenceDiagram,
  type Component,
  type Connection,
} from "./schema.ts";
export { KINDS, TIER, CONNECTION_STYLES, BOX_LOOK, type Kind, type ConnectionStyle, type BoxLook } from "./kinds.ts";
export { layout, bounds } from "./layout/layout.ts";
export type { LaidOutDiagram, LayoutOptions, PlacedBox, PlacedArrow, PlacedZone, PlacedNote } from "./layout/types.ts";
export { layoutTemplate } from "./output/skeleton.ts";
export { templateToElements, type ElementOptions } from "./output/elements.ts";
export { insertBuildingBlock, type AnchorElement, type InsertOptions, type InsertedBlock } from "./fragment.ts";
