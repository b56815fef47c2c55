import { describe, expect, it } from "vitest";
import { WorkSlicer } from "./work-slicer.ts";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("WorkSlicer", () => {
  it("lets a timer and a socket read run in the middle of a long burst of jobs", async () => {
    const slicer = new WorkSlicer(8);
    let done = 0;
    let timerSaw: Promise<number> | undefined;
    const jobs = Array.from({ length: 60 }, () =>
      slicer.run(() => {
        // The first job sets a timer: run in one go, all 60 jobs (≥ 120 ms) would finish before it fires.
        timerSaw ??= new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
        busy(2);
        return ++done;
      }),
    );
    await jobs[0];
    expect(await timerSaw).toBeLessThan(60);
    expect(await Promise.all(jobs)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("runs jobs in the order they were queued and rejects only the job that threw", async () => {
    const slicer = new WorkSlicer();
    const order: string[] = [];
    const a = slicer.run(() => order.push("a"));
    const b = slicer.run(() => {
      throw new Error("broken room");
    });
    const c = slicer.run(() => order.push("c"));
    await expect(b).rejects.toThrow("broken room");
    await Promise.all([a, c]);
    expect(order).toEqual(["a", "c"]);
    expect(slicer.waiting).toBe(0);
  });
});
