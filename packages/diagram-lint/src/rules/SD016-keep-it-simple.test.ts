import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const techs = ["Kubernetes", "Kafka", "Cassandra", "Elasticsearch", "GraphQL gateway", "Redis", "Spark"];

describe("SD016 keep-it-simple", () => {
  it("fires once when six or more heavyweight technologies are named, pointing at their boxes", () => {
    const s = scene();
    techs.slice(0, 6).forEach((t, i) => s.box(`b${i}`, t, { x: i * 200, y: 0 }));
    const found = findingsOf("SD016", s.elements);
    expect(found).toHaveLength(1);
    expect(found[0]?.elementIds).toEqual(["b0", "b1", "b2", "b3", "b4", "b5"]);
  });

  it("stays quiet at five, and does not count one technology twice", () => {
    const s = scene();
    techs.slice(0, 5).forEach((t, i) => s.box(`b${i}`, t, { x: i * 200, y: 0 }));
    s.box("dup", "Kafka topic", { x: 0, y: 300 }).box("k8s", "k8s", { x: 300, y: 300 });
    expect(findingsOf("SD016", s.elements)).toEqual([]);
  });

  it("judges each design of a canvas on its own", () => {
    const design = (s: ReturnType<typeof scene>, x: number, names: string[]) =>
      names.reduce((acc, n, i) => acc.box(`${x}-${i}`, n, { x: x + (i % 3) * 250, y: Math.floor(i / 3) * 200 }), s);
    const apart = design(design(scene(), 0, ["Kafka", "Redis", "Cassandra"]), 8000, [
      "Spark",
      "Flink",
      "Elasticsearch",
    ]);
    expect(findingsOf("SD016", apart.elements)).toEqual([]);
    const one = design(scene(), 0, ["Kafka", "Redis", "Cassandra", "Spark", "Flink", "Elasticsearch"]);
    expect(findingsOf("SD016", one.elements)).toHaveLength(1);
  });
});
