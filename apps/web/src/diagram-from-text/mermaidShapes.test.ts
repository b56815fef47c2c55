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
