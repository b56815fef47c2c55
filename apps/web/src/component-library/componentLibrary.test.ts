import { describe, expect, it } from "vitest";
import { buildModel, lint, type SceneElement } from "@archboard/diagram-lint";
import { COMPONENT_SPECS, componentElements, componentLibrary } from "./componentLibrary.ts";

const REQUIRED = [
  "client",
  "mobile",
  "cdn",
  "dns",
  "lb",
  "gateway",
  "service",
  "worker",
  "cache",
  "db",
  "queue",
  "blob",
  "search",
  "monitoring",
];

describe("component library", () => {
  it("ships every component a system-design diagram needs", () => {
    expect(COMPONENT_SPECS.map((s) => s.key)).toEqual(REQUIRED);
    const items = componentLibrary();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) expect(item.name).toBeTruthy();
  });

  for (const spec of COMPONENT_SPECS) {
    describe(spec.name, () => {
      const elements = componentElements(spec);
      const model = buildModel(elements);
      const components = model.boxes.filter((b) => !b.isZone);

      it("is one group with exactly one labelled, kind-tagged box", () => {
        const groups = new Set(elements.map((e) => (e["groupIds"] as string[]).join(",")));
        expect(groups.size).toBe(1);
        const tagged = elements.filter((e) => (e["customData"] as { kind?: string } | undefined)?.kind);
        expect(tagged).toHaveLength(1);
        expect((tagged[0]!["customData"] as { kind: string }).kind).toBe(spec.kind);
        const label = elements.find((e) => e.type === "text");
        expect(label?.["containerId"]).toBe(tagged[0]!.id);
        expect(label?.["text"]).toBe(spec.label);
        expect(tagged[0]!["boundElements"]).toEqual([{ id: label!.id, type: "text" }]);
      });

      it(`lints as a ${spec.kind}`, () => {
        expect(components).toHaveLength(1);
        expect(components[0]!.kind).toBe(spec.kind);
        expect(components[0]!.label).toBe(spec.label);
        expect(components[0]!.labelSource).toBe("bound");
      });

      it("raises nothing but the lone-box orphan warning", () => {
        const findings = lint(elements as unknown as SceneElement[]).filter((f) => f.severity !== "info");
        expect(findings.map((f) => f.ruleId).filter((id) => id !== "SD015")).toEqual([]);
      });
    });
  }
});
