import { estimateFromTexts, type EstimateTexts } from "@archboard/estimates";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/findings.ts";
import { scene } from "../testing/scene.ts";

const estimate = (texts: EstimateTexts) => estimateFromTexts(texts);
const traffic = estimate({ dau: "1M", writesPerUser: "5" });

const board = () =>
  scene()
    .box("c", "Client", { x: 0, y: 0 })
    .box("api", "API", { x: 300, y: 0 })
    .box("db", "Orders DB", { x: 600, y: 0 })
    .box("s3", "S3 bucket", { x: 600, y: 300 })
    .arrow("a", "c", "api", { label: "POST 2k QPS" })
    .arrow("b", "api", "db", { label: "INSERT" })
    .arrow("d", "api", "s3", { label: "PUT" });

describe("SD021 storage-without-estimate", () => {
  it("fires once, on the stores, when the estimate has traffic but no storage and the board no size", () => {
    expect(findingsOf("SD021", board().elements, { estimate: traffic })).toMatchObject([
      {
        severity: "info",
        elementIds: ["db", "s3"],
        message: expect.stringMatching(
          /^“Orders DB”, “S3 bucket” keep data, but neither the board nor the estimate says how much/,
        ),
      },
    ]);
  });

  it("stays quiet when the estimate has storage, or the board an amount of data", () => {
    expect(
      findingsOf("SD021", board().elements, {
        estimate: estimate({ dau: "1M", writesPerUser: "5", writeSize: "2 KB" }),
      }),
    ).toEqual([]);
    const noted = board().text("n", "Orders: ~2 TB/year", { x: 300, y: 300 });
    expect(findingsOf("SD021", noted.elements, { estimate: traffic })).toEqual([]);
  });

  it("does not take a payload per item for a storage figure", () => {
    const payload = board().text("n", "2 MB/upload", { x: 300, y: 300 });
    expect(findingsOf("SD021", payload.elements, { estimate: traffic })).toHaveLength(1);
  });

  it("stays quiet without an estimate, with an empty one, and on a board without stores", () => {
    expect(findingsOf("SD021", board().elements)).toEqual([]);
    expect(findingsOf("SD021", board().elements, { estimate: estimate({}) })).toEqual([]);
    const noStore = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("api", "API", { x: 300, y: 0 })
      .arrow("a", "c", "api", { label: "2k QPS" });
    expect(findingsOf("SD021", noStore.elements, { estimate: traffic })).toEqual([]);
  });
});
