import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { LINT_SETTINGS_KEY, observeLintConfig, readLintConfig, setRuleSetting } from "./lintSettings.ts";

describe("board lint settings", () => {
  it("stores overrides by rule id, accepts aliases, and drops back to the default", () => {
    const doc = new Y.Doc();
    setRuleSetting(doc, "SD006", "off");
    setRuleSetting(doc, "arrow-label", "error");
    expect(readLintConfig(doc)).toEqual({ rules: { SD006: "off", SD002: "error" } });
    setRuleSetting(doc, "SD002", "default");
    setRuleSetting(doc, "SD006", "warn"); // SD006's own default: no override kept
    expect(readLintConfig(doc)).toEqual({ rules: {} });
    expect(() => setRuleSetting(doc, "SD999", "off")).toThrow(/Unknown lint rule/);
  });

  it("ignores junk written by another client", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(LINT_SETTINGS_KEY);
    map.set("SD001", "loud");
    map.set("SD404", "off");
    map.set("SD003", "info");
    expect(readLintConfig(doc)).toEqual({ rules: { SD003: "info" } });
  });

  it("reaches a collaborator's doc and notifies observers", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on("update", (u: Uint8Array) => Y.applyUpdate(b, u));
    const seen: unknown[] = [];
    const stop = observeLintConfig(b, (config) => seen.push(config));
    setRuleSetting(a, "SD018", "off");
    expect(seen).toEqual([{ rules: { SD018: "off" } }]);
    stop();
    setRuleSetting(a, "SD018", "default");
    expect(seen).toHaveLength(1);
    expect(readLintConfig(b)).toEqual({ rules: {} });
  });
});
