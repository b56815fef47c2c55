/**
 * The checked-in Excalifont table matches the fonts of the Excalidraw that is
 * installed: after an upgrade this fails until the table is generated again.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMetrics, renderTable, TABLE_PATH } from "../scripts/excalifont-metrics.ts";

describe("the Excalifont metrics table", () => {
  it("is what the installed Excalidraw's font files give", { timeout: 180_000 }, async () => {
    expect(readFileSync(TABLE_PATH, "utf8")).toBe(await renderTable(readMetrics()));
  });
});
