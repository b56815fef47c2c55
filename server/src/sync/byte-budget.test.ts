import { describe, expect, it } from "vitest";
import { ByteBudget } from "./byte-budget.ts";

describe("ByteBudget", () => {
  it("lets a burst through at once, then asks the sender to wait for what it overspent", () => {
    let now = 0;
    const budget = new ByteBudget(1000, 5000, () => now);
    expect(budget.spend(5000)).toBe(0);
    expect(budget.spend(2000)).toBe(2000); // 2,000 bytes in debt at 1,000 B/s
    now += 1500;
    expect(budget.waitMs()).toBe(500);
    now += 500;
    expect(budget.waitMs()).toBe(0);
  });

  it("never saves up more than the burst", () => {
    let now = 0;
    const budget = new ByteBudget(1000, 5000, () => now);
    now += 3_600_000;
    expect(budget.spend(6000)).toBe(1000);
  });
});
