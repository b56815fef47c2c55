import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD012 no-client-to-db", () => {
  it("fires on a client talking straight to a database", () => {
    const s = scene()
      .box("c", "Mobile app", { x: 0, y: 0 })
      .box("db", "MySQL", { x: 300, y: 0 })
      .arrow("a", "c", "db", { label: "query" });
    const [f] = findingsOf("SD012", s.elements);
    expect(f).toMatchObject({ elementIds: ["a"], severity: "warn" });
    expect(f?.message).toContain("“Mobile app” talks directly to “MySQL”");
  });

  it("stays quiet on a presigned upload to object storage and on a client → API edge", () => {
    const s = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("s3", "S3 bucket", { x: 300, y: 0 })
      .box("api", "API", { x: 300, y: 300 })
      .arrow("a", "c", "s3", { label: "PUT presigned URL" })
      .arrow("b", "c", "api", { label: "POST /videos" });
    expect(findingsOf("SD012", s.elements)).toEqual([]);
  });

  it("reads 'S3 database' as object storage, so presigned downloads are fine; a real database still fires", () => {
    const s = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("s3", "S3 database for images", { x: 300, y: 0 })
      .box("db", "Orders database", { x: 300, y: 300 })
      .arrow("a", "c", "s3", { label: "GET image" })
      .arrow("b", "c", "db", { label: "SELECT" })
      .text("n", "get presigned URL: TTL 5 min", { x: 100, y: 500 });
    expect(findingsOf("SD012", s.elements).map((f) => f.elementIds)).toEqual([["b"]]);
  });
});
