import { describe, expect, it } from "vitest";
import { StoredSize } from "./stored-size.ts";

describe("StoredSize", () => {
  it("after a merge, counts the rows appended while it ran, so the merge on unload still runs", () => {
    const size = new StoredSize(1 << 20);
    size.loaded(100, 1);
    for (let i = 0; i < 30; i++) size.add(10);
    expect(size.rows).toBe(31);
    const mark = size.mark();
    // Two edits land while the store merges the log.
    size.add(7);
    size.add(5);
    size.compacted(60, mark);
    expect(size.rows).toBe(3);
    expect(size.bytes).toBe(72);
    expect(size.dueForCompaction(25, 1 << 20)).toBe(false);
  });

  it("after a merge with nothing appended meanwhile, the log is one row", () => {
    const size = new StoredSize(1 << 20);
    size.loaded(0, 0);
    for (let i = 0; i < 5; i++) size.add(10);
    size.compacted(30, size.mark());
    expect(size.rows).toBe(1);
    expect(size.bytes).toBe(30);
  });
});
