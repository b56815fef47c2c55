import { measureText } from "@archboard/scene";
import { describe, expect, it } from "vitest";
import { adaptSkeletons, cylinderNodes } from "./mermaidShapes.ts";

describe("cylinders from Mermaid text", () => {
  it("finds every cylinder node, with or without spaces and quotes", () => {
    const found = cylinderNodes('flowchart LR\n  A[Client] --> B[API]\n  B-->C[(Orders DB)]\n  B --- D[("Cache")]');
    expect([...found.ids]).toEqual(["C", "D"]);
    expect([...found.labels]).toEqual(["Orders DB", "Cache"]);
  });

  it("become the database shape with kind db; other nodes stay as they were", () => {
    const skeletons = [
      { id: "A", type: "rectangle", label: { text: "Client" } },
      { id: "C", type: "rectangle", label: { text: "Orders DB" } },
    ];
    const [client, db] = adaptSkeletons(skeletons, "flowchart LR\n A[Client] --> C[(Orders DB)]", "flowchart");
    expect(client).toEqual(skeletons[0]);
    expect(db).toMatchObject({ id: "C", type: "ellipse", customData: { kind: "db" }, fillStyle: "solid" });
  });

  it("grow about their centre until the label fits the ellipse on one line", () => {
    const cylinder = { id: "C", type: "rectangle", x: 100, y: 50, width: 90, height: 60, label: { text: "Database" } };
    const [db] = adaptSkeletons([cylinder], "flowchart LR\n A --> C[(Database)]", "flowchart");
    const inner = (db!.width / 2) * Math.SQRT2 - 10;
    expect(inner).toBeGreaterThanOrEqual(measureText("Database", 20).width);
    expect(db!.x + db!.width / 2).toBeCloseTo(145, 6);
    expect(db!.y + db!.height / 2).toBeCloseTo(80, 6);
  });
});

describe("sequence participants", () => {
  it("are drawn once: the mirrored copies at the bottom go, stick figures included", () => {
    const skeletons = [
      { id: "Alice-top", type: "rectangle" },
      { id: "Alice-bottom", type: "rectangle" },
      { id: "Bob-top-0", type: "ellipse" },
      { id: "Bob-top-1", type: "line" },
      { id: "Bob-bottom-0", type: "ellipse" },
      { id: "Bob-bottom-1", type: "line" },
      { id: "bottom-line", type: "line" },
      { type: "arrow" },
    ];
    expect(adaptSkeletons(skeletons, "", "sequence").map((s) => s.id)).toEqual([
      "Alice-top",
      "Bob-top-0",
      "Bob-top-1",
      "bottom-line",
      undefined,
    ]);
  });
});
