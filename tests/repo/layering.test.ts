import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The repository's own lint config; type information is switched off because
// the layering rules only read import statements, and building the programs
// for every workspace would only slow the test down.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], ...tseslint.configs.disableTypeChecked }],
});

/** The layering findings for `code` linted as if it were the file at `path`. */
async function layeringErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "archboard/workspace-boundary",
    )
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const DIAGRAM_LINT = "packages/diagram-lint/src/layering-probe.ts";
// From a file in a package's src/: up to the package, to packages/, to the repository root.
const UP_TO_ROOT = "../".repeat(3);
const UP_TO_PACKAGES = "../".repeat(2);
const PROTOCOL = "packages/protocol/src/layering-probe.ts";

describe("the layering is enforced by the lint", () => {
  it.each([
    ['import { useState } from "react";', /React belongs to apps\/web/],
    ['import { createRoot } from "react-dom/client";', /React belongs to apps\/web/],
    ['import { exportToSvg } from "@excalidraw/excalidraw";', /import its types only/],
    ['import { IndexeddbPersistence } from "y-indexeddb";', /browser-only/],
    ['import { board } from "@archboard/web";', /web app is out of reach/],
    ['import { start } from "@archboard/server";', /server is out of reach/],
    [`import { main } from "${UP_TO_ROOT}server/src/main.ts";`, /server is out of reach/],
    [`import { App } from "${UP_TO_ROOT}apps/web/src/App.tsx";`, /web app is out of reach/],
    [`import { x } from "${UP_TO_PACKAGES}templates/src/index.ts";`, /leaves the workspace packages\/diagram-lint/],
  ])("a package may not say %s", async (code, expected) => {
    const errors = await layeringErrors(DIAGRAM_LINT, code);
    expect(errors.join("\n")).toMatch(expected);
  });

  it("a package may import another package, yjs and Excalidraw's types", async () => {
    const code = [
      'import { RoomIdSchema } from "@archboard/protocol";',
      'import * as Y from "yjs";',
      'import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";',
      'import { scene } from "./testing/scene.ts";',
      "export { RoomIdSchema, Y, scene };",
      "export type { ExcalidrawElement };",
    ].join("\n");
    expect(await layeringErrors(DIAGRAM_LINT, code)).toEqual([]);
  });

  it("the protocol imports no other workspace package, by name or by path", async () => {
    expect(await layeringErrors(PROTOCOL, 'import { lint } from "@archboard/diagram-lint";')).toEqual([
      expect.stringMatching(/leaf package imports no other workspace package/),
    ]);
    const byPath = await layeringErrors(PROTOCOL, `import { lint } from "${UP_TO_PACKAGES}diagram-lint/src/index.ts";`);
    expect(byPath).toEqual([expect.stringMatching(/leaves the workspace packages\/protocol/)]);
  });

  it("the protocol may import zod and its own modules", async () => {
    const code = 'import { z } from "zod";\nimport { RoomIdSchema } from "./rooms.ts";\nexport { z, RoomIdSchema };';
    expect(await layeringErrors(PROTOCOL, code)).toEqual([]);
  });

  it("the server never imports the web app", async () => {
    const errors = await layeringErrors("server/src/layering-probe.ts", 'import { App } from "@archboard/web";');
    expect(errors).toEqual([expect.stringMatching(/web app is out of reach/)]);
  });
});
