import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD010 datastore-redundancy", () => {
  it("fires on a lone database with no word about replication", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Orders DB", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "INSERT" });
    expect(findingsOf("SD010", s.elements)).toMatchObject([{ elementIds: ["db"], severity: "info" }]);
    expect(findingsOf("SD010", s.elements)[0]?.message).toContain("“Orders DB”");
  });

  it.each(["Orders DB (primary)", "Orders DB ×3", "Sharded orders DB", "Orders DB cluster"])(
    "stays quiet for %s",
    (label) => {
      const s = scene()
        .box("api", "API", { x: 0, y: 0 })
        .box("db", label, { x: 300, y: 0 })
        .arrow("a", "api", "db", { label: "INSERT" });
      expect(findingsOf("SD010", s.elements)).toEqual([]);
    },
  );

  it("counts tables drawn inside a database as its contents, not as more databases", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("pg", "Postgres", { x: 0, y: 300 })
      .zone("schema", "database", { x: 300, y: -60, w: 600, h: 300 })
      .box("t1", "users\nid\nemail", { x: 320, y: 0 })
      .box("t2", "drawings\nid\ncreator_id", { x: 600, y: 0 })
      .arrow("a", "api", "pg", { label: "SQL" });
    expect(findingsOf("SD010", s.elements).map((f) => f.elementIds)).toEqual([["pg"]]);
  });
});
