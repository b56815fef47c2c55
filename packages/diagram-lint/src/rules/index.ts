import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, Rule, RuleHit, RuleMeta } from "../types.ts";
import * as SD001 from "./SD001-box-label.ts";
import * as SD002 from "./SD002-arrow-label.ts";
import * as SD003 from "./SD003-arrow-connected.ts";
import * as SD004 from "./SD004-client-leftmost.ts";
import * as SD005 from "./SD005-has-client.ts";
import * as SD006 from "./SD006-flow-left-to-right.ts";
import * as SD007 from "./SD007-estimates-present.ts";
import * as SD008 from "./SD008-arrow-numbers.ts";
import * as SD009 from "./SD009-read-write-split.ts";
import * as SD010 from "./SD010-datastore-redundancy.ts";
import * as SD011 from "./SD011-cache-has-store.ts";
import * as SD012 from "./SD012-no-client-to-db.ts";
import * as SD013 from "./SD013-bind-text.ts";
import * as SD014 from "./SD014-no-overlap.ts";
import * as SD015 from "./SD015-orphan-node.ts";
import * as SD016 from "./SD016-keep-it-simple.ts";
import * as SD017 from "./SD017-queue-has-consumer.ts";
import * as SD018 from "./SD018-observability.ts";
import * as SD019 from "./SD019-estimate-mismatch.ts";
import * as SD020 from "./SD020-rate-conservation.ts";
import * as SD021 from "./SD021-storage-without-estimate.ts";

interface RuleModule {
  readonly meta: RuleMeta;
  check: (model: DiagramModel, config: LintConfig) => RuleHit[];
}

const MODULES: readonly RuleModule[] = [
  SD001,
  SD002,
  SD003,
  SD004,
  SD005,
  SD006,
  SD007,
  SD008,
  SD009,
  SD010,
  SD011,
  SD012,
  SD013,
  SD014,
  SD015,
  SD016,
  SD017,
  SD018,
  SD019,
  SD020,
  SD021,
];

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = MODULES.map((m) => ({ ...m.meta, check: m.check }));

/** Rule metadata only (what the panel and the docs index list). */
export const rules: readonly RuleMeta[] = MODULES.map((m) => m.meta);

/** Looks a rule up by id or alias, case-insensitively. */
export function findRule(idOrAlias: string): Rule | undefined {
  const key = idOrAlias.toLowerCase();
  return ALL_RULES.find((r) => r.id.toLowerCase() === key || r.alias === key);
}
