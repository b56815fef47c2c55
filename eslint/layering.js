/**
 * The layering of docs/architecture.md as lint rules, one config block per
 * workspace:
 *
 * - `packages/*` import no React, no DOM-only library, nothing of `apps/*`,
 *   `server` or `tests`. Types from `@excalidraw/excalidraw` are allowed with
 *   `import type`: they describe the scene the packages work on and vanish
 *   at build time.
 * - Leaf packages (`protocol`, `scene`) import no other workspace package.
 * - `server` never imports the web app, nor React or the DOM.
 * - `apps/web` never imports the server or the test harness.
 *
 * Each restriction names the package (`@archboard/…`) and the relative path
 * that climbs up into the same folder (`apps/…`), and `archboard/workspace-boundary`
 * rejects any other relative import that climbs out of its workspace.
 * The workspace list and the package names are read from the package.json
 * files, so a new package gets its rules without an edit here.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** @param {string} dir @returns {{ name: string, workspaces?: string[] }} */
const readPackage = (dir) => JSON.parse(readFileSync(`${root}${dir}/package.json`, "utf8"));

/** Every workspace directory with its package name, from the root package.json. */
export const workspaces = (readPackage(".").workspaces ?? [])
  .filter((dir) => existsSync(`${root}${dir}/package.json`))
  .map((dir) => ({ dir, name: readPackage(dir).name }));

/** Packages that sit at the bottom of the graph and depend on no other workspace. */
const LEAF_PACKAGES = new Set(["packages/protocol", "packages/scene"]);

const nameOf = (dir) => workspaces.find((w) => w.dir === dir)?.name;
const WEB = nameOf("apps/web") ?? "@archboard/web";
const SERVER = nameOf("server") ?? "@archboard/server";
const TESTS = nameOf("tests") ?? "@archboard/tests";
const SCOPE = WEB.split("/")[0];

/** A relative specifier that climbs up and then enters the top-level folder `dir`. */
const climbingInto = (dir) => `^(?:\\.\\./)+${dir}(?:/|$)`;

/** @typedef {{ group?: string[], regex?: string, message: string, allowTypeImports?: boolean }} Pattern */

/** React, the DOM and libraries that only run in a browser. @type {Pattern[]} */
const UI = [
  {
    group: ["react", "react/*", "react-dom", "react-dom/*"],
    message: "React belongs to apps/web: packages and the server stay UI-free.",
  },
  {
    group: ["@excalidraw/excalidraw", "@excalidraw/excalidraw/*"],
    allowTypeImports: true,
    message: "Excalidraw's runtime is a React component: import its types only, with `import type`.",
  },
  {
    group: ["@excalidraw/mermaid-to-excalidraw", "y-indexeddb"],
    message: "A browser-only library: it belongs to apps/web.",
  },
];

/** @param {string} what @param {string} pkg @param {string} dir @returns {Pattern[]} */
const workspace = (what, pkg, dir) => [
  { group: [pkg, `${pkg}/*`], message: `${what} is out of reach here (layering, docs/architecture.md).` },
  { regex: climbingInto(dir), message: `${what} is out of reach here (layering, docs/architecture.md).` },
];

/** @type {Record<string, Pattern[]>} */
const FORBIDDEN = {
  package: [
    ...UI,
    ...workspace("The web app", WEB, "apps"),
    ...workspace("The server", SERVER, "server"),
    ...workspace("The test harness", TESTS, "tests"),
  ],
  leaf: [
    {
      group: [`${SCOPE}/*`],
      message: "A leaf package imports no other workspace package: everything else builds on it.",
    },
    {
      regex: climbingInto("packages"),
      message: "A leaf package imports no other workspace package: everything else builds on it.",
    },
  ],
  server: [...UI, ...workspace("The web app", WEB, "apps"), ...workspace("The test harness", TESTS, "tests")],
  web: [...workspace("The server", SERVER, "server"), ...workspace("The test harness", TESTS, "tests")],
};

/** @param {string} dir @returns {Pattern[]} */
function forbiddenFor(dir) {
  if (dir.startsWith("packages/")) {
    return LEAF_PACKAGES.has(dir) ? [...FORBIDDEN.package, ...FORBIDDEN.leaf] : FORBIDDEN.package;
  }
  if (dir === "server") return FORBIDDEN.server;
  if (dir.startsWith("apps/")) return FORBIDDEN.web;
  return [];
}

/**
 * One flat-config block per workspace with its import restrictions, plus the
 * boundary rule for every workspace.
 * @param {import("eslint").ESLint.Plugin} plugin  the plugin that carries `workspace-boundary`
 * @returns {import("eslint").Linter.Config[]}
 */
export function layering(plugin) {
  const blocks = workspaces
    .map(({ dir }) => ({ dir, patterns: forbiddenFor(dir) }))
    .filter(({ patterns }) => patterns.length > 0)
    .map(({ dir, patterns }) => ({
      name: `archboard/layering/${dir}`,
      files: [`${dir}/**/*.{ts,tsx,js,mjs}`],
      rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
    }));
  return [
    {
      name: "archboard/workspace-boundary",
      plugins: { archboard: plugin },
      rules: {
        "archboard/workspace-boundary": ["error", { root, workspaces: workspaces.map((w) => w.dir) }],
      },
    },
    ...blocks,
  ];
}
