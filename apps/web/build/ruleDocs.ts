import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { marked } from "marked";
import type { Plugin } from "vite";

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 760px; margin: 40px auto; padding: 0 24px; line-height: 1.6; color: #1b1e24; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6e7ea; background: #121316; } a { color: #a8a5ff; } pre, code { background: #1e1f24 !important; } }
h1 { font-size: 28px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 28px; }
pre { background: #f3f4f6; padding: 14px 16px; border-radius: 8px; overflow-x: auto; line-height: 1.35; }
code { background: #f3f4f6; padding: 1px 5px; border-radius: 4px; font-size: 0.92em; }
pre code { padding: 0; background: none; }
nav { font-size: 14px; margin-bottom: 24px; }
`;

/** Renders one rule's Markdown page into a standalone HTML document. */
export function renderRuleDoc(markdown: string, id: string): string {
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${id} · Archboard diagram check</title><style>${STYLE}</style></head>
<body><nav><a href="/rules/">All diagram checks</a></nav>${body}</body></html>`;
}

function renderIndex(docs: Array<{ id: string; title: string }>): string {
  const items = docs.map((d) => `- [${d.title}](/rules/${d.id}.html)`).join("\n");
  return renderRuleDoc(
    `# Diagram checks\n\nWhat the lint panel looks for, and why interviewers care.\n\n${items}\n`,
    "Rules",
  ).replace('<nav><a href="/rules/">All diagram checks</a></nav>', "");
}

/**
 * Serves `docs/rules/SDxxx.md` as `/rules/SDxxx.html` (and an index at
 * `/rules/`), so each lint finding can link to its rule's page on our own origin.
 */
export function ruleDocs(docsDir: string): Plugin {
  const load = () =>
    readdirSync(docsDir)
      .filter((f) => /^SD\d{3}\.md$/.test(f))
      .sort()
      .map((f) => {
        const markdown = readFileSync(resolve(docsDir, f), "utf8");
        const id = f.replace(/\.md$/, "");
        return { id, markdown, title: (/^#\s+(.+)$/m.exec(markdown)?.[1] ?? id).trim() };
      });
  return {
    name: "archboard:rule-docs",
    generateBundle() {
      const docs = load();
      for (const d of docs) {
        this.emitFile({ type: "asset", fileName: `rules/${d.id}.html`, source: renderRuleDoc(d.markdown, d.id) });
      }
      this.emitFile({ type: "asset", fileName: "rules/index.html", source: renderIndex(docs) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/rules\/(?:(SD\d{3})\.html)?$/.exec(req.url ?? "");
        if (!m) return next();
        const docs = load();
        const doc = m[1] ? docs.find((d) => d.id === m[1]) : undefined;
        if (m[1] && !doc) return next();
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(doc ? renderRuleDoc(doc.markdown, doc.id) : renderIndex(docs));
      });
    },
  };
}
