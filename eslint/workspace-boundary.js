/**
 * A lint rule that keeps relative imports inside their own workspace.
 *
 * `no-restricted-imports` matches import strings, not where they lead, so from
 * a package's `src/` it cannot tell two levels up into `diagram-lint/src/`
 * (another package) from one level up into `model/` (a sibling folder). This rule resolves
 * each relative specifier against the importing file and reports it when it
 * lands outside the workspace that file belongs to: code in another workspace
 * is reached through its package name, so the layering rules see it.
 */
import { dirname, relative, resolve, sep } from "node:path";

/**
 * @param {string} from  the importing file's directory
 * @param {string} spec  the import specifier
 * @param {string} workspaceDir  absolute path of the importing file's workspace
 * @returns {boolean} whether `spec` resolves outside `workspaceDir`
 */
function leavesWorkspace(from, spec, workspaceDir) {
  const target = resolve(from, spec);
  const rel = relative(workspaceDir, target);
  return rel === ".." || rel.startsWith(`..${sep}`);
}

/** @type {import("eslint").Rule.RuleModule} */
export const workspaceBoundary = {
  meta: {
    type: "problem",
    docs: { description: "Relative imports must not climb out of the importing file's workspace." },
    schema: [
      {
        type: "object",
        properties: {
          root: { type: "string" },
          workspaces: { type: "array", items: { type: "string" } },
        },
        required: ["root", "workspaces"],
        additionalProperties: false,
      },
    ],
    messages: {
      climbsOut:
        "'{{spec}}' leaves the workspace {{workspace}}; import another workspace by its package name so the layering rules apply.",
    },
  },
  create(context) {
    const { root, workspaces } = context.options[0];
    const file = context.physicalFilename;
    // The longest matching directory wins, so nested workspaces would resolve correctly.
    const home = workspaces
      .filter((dir) => !relative(resolve(root, dir), file).startsWith(".."))
      .sort((a, b) => b.length - a.length)[0];
    if (home === undefined) return {};
    const workspaceDir = resolve(root, home);
    const from = dirname(file);

    /** @param {import("estree").Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const spec = source.value;
      if (!spec.startsWith(".")) return;
      if (leavesWorkspace(from, spec, workspaceDir)) {
        context.report({ node: source, messageId: "climbsOut", data: { spec, workspace: home } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `import("…")` in a type position, as in `typeof import("../x.ts")`.
      TSImportType: (node) => check(/** @type {any} */ (node).argument?.literal ?? /** @type {any} */ (node).argument),
    };
  },
};

/** The local plugin that carries the rule. */
export const archboardPlugin = {
  meta: { name: "archboard" },
  rules: { "workspace-boundary": workspaceBoundary },
};
