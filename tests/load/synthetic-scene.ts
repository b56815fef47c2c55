import type { SceneElement } from "@archboard/scene";
import { scene } from "@archboard/diagram-lint/testing/scene";

const KINDS = [
  "Client",
  "Load Balancer",
  "API Servers",
  "Redis Cache",
  "Orders DB",
  "Message Queue",
  "Workers",
  "Blob Storage",
];

/**
 * A grid of services, each cell: a box with a bound label, an arrow to its right-hand
 * neighbour with a bound label (every third arrow carries a figure), and a free-text
 * note under the box. Five elements per cell.
 */
export function syntheticScene(targetElements: number): SceneElement[] {
  const s = scene();
  const cells = Math.floor(targetElements / 5);
  const perRow = Math.ceil(Math.sqrt(cells));
  for (let i = 0; i < cells; i++) {
    const row = Math.floor(i / perRow),
      col = i % perRow;
    s.box(`b${i}`, `${KINDS[i % KINDS.length]} ${i}`, { x: col * 260, y: row * 220 });
  }
  for (let i = 0; i < cells; i++) {
    const row = Math.floor(i / perRow),
      col = i % perRow;
    const next = col + 1 < perRow && i + 1 < cells ? i + 1 : i + perRow < cells ? i + perRow : null;
    if (next !== null)
      s.arrow(`e${i}`, `b${i}`, `b${next}`, { label: i % 3 === 0 ? "GET /items 2k QPS" : "POST /orders" });
    s.text(`n${i}`, "note: shard by user", { x: col * 260 + 80, y: row * 220 + 120 });
  }
  return s.elements;
}
