import { describe, expect, it } from "vitest";
import { getTemplate } from "@archboard/templates";
import { PromptBankSchema, type TrafficEstimate } from "./prompt-schema.ts";
import { getPrompt, promptBank } from "./prompts.ts";

/** The eleven classic system-design prompts, in the order the bank lists them. */
const SECTION_7 = [
  "url-shortener",
  "rate-limiter",
  "news-feed",
  "chat",
  "video-streaming",
  "ride-sharing",
  "payment-system",
  "notification-service",
  "file-upload",
  "job-scheduler",
  "metrics-ingestion",
];

const SUFFIX: Record<string, number> = {
  k: 1e3,
  M: 1e6,
  B: 1e9,
  T: 1e12,
  bytes: 1,
  byte: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
};

/** Every figure in a sentence, in order: "100M" → 1e8, "11,600" → 11600, "2 KB" → 2000, "1B/day" → 1e9. */
function figures(text: string): number[] {
  const re = /(\d[\d,]*(?:\.\d+)?)\s*(KB|MB|GB|TB|PB|bytes?|k|M|B|T)?(?![a-zA-Z]*\d)/g;
  return [...text.matchAll(re)].map((m) => Number(m[1]!.replace(/,/g, "")) * (m[2] ? SUFFIX[m[2]]! : 1));
}

/** Within `tolerance` (relative): stated figures are rounded to about three significant digits. */
function near(actual: number, expected: number, tolerance = 0.02): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected);
}

const SECONDS_PER_DAY = 86_400;

describe("prompt bank", () => {
  it("holds the eleven classic prompts, each linked to a starter that links back", () => {
    expect(promptBank.prompts.map((p) => p.id)).toEqual(SECTION_7);
    for (const p of promptBank.prompts) {
      const starter = getTemplate(p.starterTemplateId);
      expect(starter?.category, p.id).toBe("prompt-starter");
      expect(starter?.promptId, p.id).toBe(p.id);
      expect(getPrompt(p.id)).toBe(p);
    }
  });

  it("words each prompt like an interviewer: 2–4 sentences, 3–5 follow-ups, hints on what it tests", () => {
    for (const p of promptBank.prompts) {
      const sentences = p.statement.split(/(?<=[.?!])\s+(?=[A-Z])/).length;
      expect(sentences, p.id).toBeGreaterThanOrEqual(2);
      expect(sentences, p.id).toBeLessThanOrEqual(4);
      expect(p.followUps.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.followUps.length, p.id).toBeLessThanOrEqual(5);
      expect(p.interviewerHints.length, p.id).toBeGreaterThanOrEqual(3);
    }
  });

  describe.each(promptBank.prompts.map((p) => [p.id, p] as const))("%s scale hints", (_id, p) => {
    it.each(p.scale.traffic.map((t) => [t.what, t] as const))(
      "%s: users × rate ÷ 86,400 × peak",
      (_what, t: TrafficEstimate) => {
        expect(near(t.perDay, t.actors * t.perActorPerDay, 0.001)).toBe(true);
        expect(t.avgPerSecond, "average = per day ÷ 86,400").toSatisfy((v: number) =>
          near(v, t.perDay / SECONDS_PER_DAY),
        );
        expect(t.peakPerSecond, "peak = average × factor").toSatisfy((v: number) =>
          near(v, (t.perDay / SECONDS_PER_DAY) * t.peakFactor),
        );
        // The sentence states the same figures, in order: actors, rate, per day, average, peak factor, peak.
        const stated = figures(t.text).slice(0, 6);
        const fields = [t.actors, t.perActorPerDay, t.perDay, t.avgPerSecond, t.peakFactor, t.peakPerSecond];
        stated.forEach((v, i) =>
          expect(near(v, fields[i]!), `${t.text} → figure ${i + 1}: ${v} vs ${fields[i]}`).toBe(true),
        );
        expect(stated).toHaveLength(6);
      },
    );

    it("storage = items/day × bytes × days × copies, as the sentence says", () => {
      const s = p.scale.storage;
      expect(near(s.totalBytes, s.itemsPerDay * s.bytesPerItem * s.retentionDays * s.replication)).toBe(true);
      const stated = figures(s.text).slice(0, 5);
      const fields = [s.itemsPerDay, s.bytesPerItem, s.retentionDays, s.replication, s.totalBytes];
      stated.forEach((v, i) =>
        expect(near(v, fields[i]!), `${s.text} → figure ${i + 1}: ${v} vs ${fields[i]}`).toBe(true),
      );
      expect(stated).toHaveLength(5);
    });

    it("bandwidth = requests/s × bytes per request, as the sentence says", () => {
      const b = p.scale.bandwidth;
      if (!b) return;
      expect(near(b.bytesPerSecond, b.perSecond * b.bytesPerRequest)).toBe(true);
      const stated = figures(b.text).slice(0, 3);
      [b.perSecond, b.bytesPerRequest, b.bytesPerSecond].forEach((f, i) =>
        expect(near(stated[i]!, f), b.text).toBe(true),
      );
    });
  });

  it("catches the classic slip: 100M users × 10 requests/day is 11,600 QPS, not 115,000", () => {
    const wrong = { ...promptBank.prompts[0]!.scale.traffic[0]!, avgPerSecond: 115_000 };
    expect(near(wrong.avgPerSecond, wrong.perDay / SECONDS_PER_DAY)).toBe(false);
    expect(figures("100M users × 10 req/day = 1B/day ≈ 11,600 QPS")).toEqual([1e8, 10, 1e9, 11_600]);
  });

  it("has the clarifying checklist, the clock of the round and the rubric", () => {
    expect(promptBank.clarifyingQuestions).toHaveLength(11);
    expect(promptBank.phases.map((p) => [p.id, p.minutes])).toEqual([
      ["clarify", 5],
      ["estimate", 5],
      ["high-level", 15],
      ["deep-dive", 10],
      ["wrap-up", 5],
    ]);
    expect(promptBank.phases.at(-1)?.maxMinutes).toBe(10);
    expect(promptBank.rubric.dimensions.map((d) => d.id)).toEqual([
      "requirements",
      "estimation",
      "decomposition",
      "api-data",
      "trade-offs",
      "distributed-depth",
      "failure-handling",
      "operations",
      "communication",
    ]);
    expect(promptBank.rubric.finalSignals.map((s) => s.label)).toEqual(["Strong hire", "Hire", "Lean no", "No hire"]);
  });

  it("rejects a malformed bank", () => {
    const bad = structuredClone(promptBank);
    bad.prompts[0]!.followUps = ["Only one?"];
    bad.rubric.finalSignals.pop();
    const r = PromptBankSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["prompts.0.followUps", "rubric.finalSignals"]),
    );
  });
});
