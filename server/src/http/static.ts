import type { IncomingMessage, ServerResponse } from "node:http";
import { lookup } from "mrmime";
import sirv from "sirv";

/** Content-hashed build output: a changed file gets a new name, so a copy never goes stale. */
const HASHED = /^\/(assets|fonts)\//;
/** Text types that `mrmime` names without a charset; ours are all UTF-8. */
const UTF8_TEXT = /^(text\/|application\/(json|javascript|manifest\+json)$)/;

/**
 * Serves the built single-page app with `sirv`: files are listed once at
 * start (the build does not change under a running server), so only files of
 * the build can ever be read. Answers with the `.br` or `.gz` the build wrote
 * beside a file when the client accepts it, and a weak ETag per variant
 * (`If-None-Match` → 304). Hashed files under `/assets/` and `/fonts/` are
 * cached for a year as immutable; everything else revalidates. A path with no
 * file extension that matches no file (`/b/<boardId>`, `/r/<roomId>`) gets
 * `index.html`, so the app's deep links work.
 *
 * Returns false, having sent nothing, for other methods than GET and HEAD and
 * for a path with an extension that is not in the build: the caller answers.
 */
export function createStaticHandler(root: string) {
  const serve = sirv(root, {
    etag: true,
    gzip: true,
    brotli: true,
    single: true,
    // A path whose last segment has an extension asks for a file, never for the app
    // (sirv's own test misses encoded names such as `/..%2fx.txt`).
    ignores: [/[^/]\.[^/.]*$/],
    setHeaders(res, pathname) {
      res.setHeader("Cache-Control", HASHED.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache");
      res.setHeader("X-Content-Type-Options", "nosniff");
      const type = lookup(pathname);
      if (type && UTF8_TEXT.test(type)) res.setHeader("Content-Type", `${type}; charset=utf-8`);
    },
  });

  return function serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let served = true;
    serve(req, res, () => {
      served = false;
    });
    return served;
  };
}
