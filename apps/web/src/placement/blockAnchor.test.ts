import { describe, expect, it } from "vitest";
import { getTemplate } from "@archboard/templates";
import { COMPONENT_SPECS, componentElements } from "../component-library/componentLibrary.ts";
import { anchorKind, blocksFor, selectedAnchor } from "./blockAnchor.ts";

const spec = (key: string) => COMPONENT_SPECS.find((s) => s.key === key)!;
const all = (els: { id: string }[]) => Object.fromEntries(els.map((e) => [e.id, true]));

describe("building-block anchors", () => {
  it("reads each block's anchor kind from the template", () => {
    expect(anchorKind(getTemplate("block-add-cache")!)).toBe("db");
    expect(anchorKind(getTemplate("block-add-queue-workers")!)).toBe("service");
    expect(anchorKind(getTemplate("standard-architecture")!)).toBeNull();
  });

  it("finds the labelled box of a selected library database (a group of four elements)", () => {
    const els = componentElements(spec("db"));
    const found = selectedAnchor(els as never[], all(els));
    expect(found?.kind).toBe("db");
    expect(found?.element).toMatchObject({ id: "lib-db-box" });
    expect(blocksFor(found!.kind).map((t) => t.id)).toEqual(["block-add-cache", "block-add-read-replicas"]);
  });

  it("offers queue and workers for a service, nothing for a client", () => {
    const service = componentElements(spec("service"));
    expect(blocksFor(selectedAnchor(service as never[], all(service))!.kind).map((t) => t.id)).toEqual([
      "block-add-queue-workers",
    ]);
    const client = componentElements(spec("client"));
    expect(blocksFor(selectedAnchor(client as never[], all(client))!.kind)).toEqual([]);
  });

  it("needs exactly one component selected", () => {
    const a = componentElements(spec("service")),
      b = componentElements(spec("cache")).map((e) => ({ ...e, x: (e.x as number) + 400 }));
    expect(selectedAnchor([...a, ...b] as never[], all([...a, ...b]))).toBeNull();
    expect(selectedAnchor(a as never[], {})).toBeNull();
  });
});
