import { createReadStream, statSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".excalidrawlib": "application/json; charset=utf-8",
};

/** Text formats worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".md", ".txt", ".excalidrawlib"]);

/**
 * Serves the built single-page app. Hashed files under `/assets/` are cached
 * forever; everything else revalidates. Unknown paths that look like app
 * routes (no extension) get `index.html`, so `/b/<id>` deep links work.
 */
export function createStaticHandler(root: string) {
  const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

  const resolveFile = (urlPath: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes("\0")) return null;
    const full = normalize(join(root, decoded));
    if (full !== root && !full.startsWith(root + sep)) return null;
    try {
      return statSync(full).isFile() ? full : null;
    } catch {
      return null;
    }
  };

  return function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let file = resolveFile(pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file && extname(pathname) === "") file = resolveFile("/index.html");
    if (!file) return false;

    const ext = extname(file);
    const stat = statSync(file);
    const immutable = pathname.startsWith("/assets/") || pathname.startsWith("/fonts/");
    res.setHeader("Content-Type", CONTENT_TYPES[ext] ?? "application/octet-stream");
    res.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    res.setHeader("Last-Modified", stat.mtime.toUTCString());
    res.setHeader("X-Content-Type-Options", "nosniff");

    const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (acceptsGzip && COMPRESSIBLE.has(ext) && stat.size > 1024) {
      let cached = gzipCache.get(file);
      if (!cached || cached.mtimeMs !== stat.mtimeMs) {
        cached = { mtimeMs: stat.mtimeMs, body: gzipSync(readFileSync(file)) };
        gzipCache.set(file, cached);
      }
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Vary", "Accept-Encoding");
      res.setHeader("Content-Length", cached.body.length);
      res.end(req.method === "HEAD" ? undefined : cached.body);
      return true;
    }
    res.setHeader("Content-Length", stat.size);
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
    return true;
  };
}
