import { createRequire } from "node:module";

/**
 * Validation against the published SARIF 2.1.0 JSON schema (the OASIS schema as
 * shipped in `@microsoft/jest-sarif`; JSON Schema draft-04, checked with Ajv 6).
 */
const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & {
  errors?: { dataPath?: string; message?: string; params?: unknown }[] | null;
};
let validate: Validate | null = null;

/** The schema's complaints about `log`, one line each; empty when it is a valid SARIF 2.1.0 log. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const Ajv = require("ajv") as new (options: object) => {
      addMetaSchema: (s: object) => void;
      compile: (s: object) => Validate;
    };
    const ajv = new Ajv({ schemaId: "auto", allErrors: true });
    ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json") as object);
    validate = ajv.compile(require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object);
  }
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) =>
    `${e.dataPath || "(root)"} ${e.message ?? ""} ${JSON.stringify(e.params ?? {})}`.trim(),
  );
}
