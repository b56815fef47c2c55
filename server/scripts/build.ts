/**
 * Compiles the server for production: one ES module, `server/dist/main.js`,
 * that plain `node` runs. The workspace packages it imports (`@archboard/*`,
 * TypeScript sources) are bundled in; every other package stays an import
 * resolved from node_modules at run time, so native modules (better-sqlite3)
 * and Yjs keep a single copy.
 *
 *   node --import tsx server/scripts/build.ts [--outdir DIR]
 */
import { resolve } from "node:path";
import { build, type Plugin } from "esbuild";

const serverRoot = resolve(import.meta.dirname, "..");

/** Bare imports outside the workspace are left to Node's resolver. */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@archboard/") || args.path.startsWith("node:")
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Builds into `outdir` (the server's `dist/` by default) and returns the entry's path.
 * `dist/` sits at the same depth as `src/`, so what the config resolves from
 * `import.meta.dirname` (the built web app) is found from either.
 */
export async function buildServer(outdir = resolve(serverRoot, "dist")): Promise<string> {
  const outfile = resolve(outdir, "main.js");
  const result = await build({
    entryPoints: [resolve(serverRoot, "src/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    plugins: [externalPackages],
    logLevel: "warning",
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/.")).length;
  process.stdout.write(`server: ${inputs} modules → ${outfile}\n`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const i = process.argv.indexOf("--outdir");
  await buildServer(i > 0 ? resolve(process.argv[i + 1] ?? "") : undefined);
}
