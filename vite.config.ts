/// <reference types="vitest/config" />
import { cpSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { ruleDocs } from "./apps/web/build/ruleDocs.ts";
import { workerSharedFiles } from "./apps/web/build/workerChunks.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const webRoot = `${root}apps/web`;

/**
 * Excalidraw fetches its fonts from a CDN unless `window.EXCALIDRAW_ASSET_PATH`
 * points somewhere else. We self-host them: the package's `dist/prod/fonts` is
 * copied into the app's public dir, so dev and build both serve `/fonts/...`
 * from our own origin.
 */
function excalidrawFonts(): Plugin {
  const from = `${root}node_modules/@excalidraw/excalidraw/dist/prod/fonts`;
  const to = `${webRoot}/public/fonts`;
  return {
    name: "archboard:excalidraw-fonts",
    buildStart() {
      if (!existsSync(`${to}/Excalifont`)) cpSync(from, to, { recursive: true });
    },
  };
}

const excalidrawDist = `${root}node_modules/@excalidraw/excalidraw/dist/prod`;

/**
 * Excalidraw subsets fonts for SVG export in a module worker. The few helper
 * files that worker shares with Excalidraw's main bundle get a chunk of their
 * own, so the worker does not import the app's entry chunk (which fails there,
 * and Excalidraw then subsets on the main thread).
 */
function fontWorkerChunk() {
  const shared = workerSharedFiles(`${excalidrawDist}/subset-worker.chunk.js`, `${excalidrawDist}/index.js`);
  return { name: "excalidraw-common", test: (id: string) => shared.has(id), priority: 10 };
}

const nodeProject = (name: string, include: string[], more: { exclude?: string[] } = {}) => ({
  extends: false as const,
  // Generous limits: randomized suites and real servers share two cores with the browser tests' build.
  test: { name, include, environment: "node" as const, testTimeout: 60_000, hookTimeout: 60_000, ...more },
});

/** Server suites that need PostgreSQL whatever the project (they start their own). */
const postgresOnly = ["server/src/store/pg-store.test.ts", "server/src/sync/cluster.test.ts"];

/**
 * The server suites that exercise the store, run a second time against a real
 * PostgreSQL (one per run, started by the global setup) instead of SQLite.
 */
const serverOnPostgres = {
  extends: false as const,
  test: {
    name: "server-pg",
    include: [
      "server/src/store/store.test.ts",
      "server/src/store/store-history.test.ts",
      "server/src/http/rooms-api.test.ts",
      "server/src/http/history-api.test.ts",
      ...[
        "bad-input",
        "byte-limits",
        "hostile-updates",
        "interop",
        "interview",
        "invite-expiry",
        "pending",
        "persistence",
        "presence",
        "read-only",
        "unload",
      ].map((suite) => `server/src/sync/${suite}.test.ts`),
      ...postgresOnly,
    ],
    environment: "node" as const,
    env: { ARCHBOARD_TEST_STORE: "postgres" },
    globalSetup: ["server/src/testing/postgres-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
};

export default defineConfig(({ command }) => ({
  root: webRoot,
  publicDir: `${webRoot}/public`,
  plugins: [
    react(),
    excalidrawFonts(),
    ruleDocs(`${root}docs/rules`),
    // Writes `.br` and `.gz` beside each text file over 1 KiB (fonts and images are
    // compressed already); the server sends them to clients that accept them. Made
    // for builds only: the plugin hooks stdout as soon as it is created.
    command === "build" && compression({ threshold: 1024 }),
  ],
  define: { "process.env.IS_PREACT": JSON.stringify("false") },
  build: {
    outDir: `${webRoot}/dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: command === "build" ? { output: { codeSplitting: { groups: [fontWorkerChunk()] } } } : {},
  },
  server: { port: 5173 },
  test: {
    root,
    projects: [
      nodeProject("protocol", ["packages/protocol/src/**/*.test.ts"]),
      nodeProject("scene", ["packages/scene/src/**/*.test.ts"]),
      nodeProject("interview", ["packages/interview/src/**/*.test.ts"]),
      nodeProject("board-sync", ["packages/board-sync/src/**/*.test.ts"]),
      nodeProject("diagram-lint", ["packages/diagram-lint/src/**/*.test.ts"]),
      nodeProject("estimates", ["packages/estimates/src/**/*.test.ts"]),
      nodeProject("templates", ["packages/templates/src/**/*.test.ts"]),
      nodeProject("server", ["server/src/**/*.test.ts", "server/scripts/**/*.test.ts"], { exclude: postgresOnly }),
      serverOnPostgres,
      nodeProject("web", ["apps/web/src/**/*.test.ts", "apps/web/build/**/*.test.ts"]),
      nodeProject("repo", ["tests/repo/**/*.test.ts"]),
      // The load scripts' own logic (benchmark verdicts); the benchmarks themselves never run here.
      nodeProject("load", ["tests/load/**/*.test.ts"]),
    ],
  },
}));
