import { request } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDir, type TestServer } from "../testing/test-server.ts";

/** A GET with exactly these headers (fetch would add and decode Accept-Encoding itself). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (done, fail) => {
      const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", fail);
      req.end();
    },
  );
}

describe("the built app over HTTP", () => {
  const root = tempDir("archboard-static-");
  const web = join(root.path, "dist");
  const index = "<!doctype html><title>Archboard</title>";
  const script = `console.log(${JSON.stringify("x".repeat(4000))});\n`;
  let srv: TestServer;

  beforeAll(async () => {
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), index);
    // As the build writes them: the file, and beside it its brotli and gzip forms.
    writeFileSync(join(web, "assets/app-3f9a1c.js"), script);
    writeFileSync(join(web, "assets/app-3f9a1c.js.br"), brotliCompressSync(script));
    writeFileSync(join(web, "assets/app-3f9a1c.js.gz"), gzipSync(script));
    writeFileSync(join(root.path, "secret.txt"), "not part of the app");
    srv = await startTestServer(join(root.path, "data"), web);
  });
  afterAll(async () => {
    await srv?.stop();
    root.remove();
  });

  it("serves index.html for the app's routes, revalidated by ETag", async () => {
    for (const path of ["/", "/b/abcDEF123_-abcdef", "/r/abcDEF123_-abcdef?t=token"]) {
      const res = await get(srv.port, path);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe(index);
      expect(res.headers["content-type"]).toBe("text/html;charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    const first = await get(srv.port, "/");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(srv.port, "/b/abcDEF123_-abcdef", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it("sends hashed assets precompressed as the client accepts, cached as immutable", async () => {
    const br = await get(srv.port, "/assets/app-3f9a1c.js", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");

    const gz = await get(srv.port, "/assets/app-3f9a1c.js", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    // Each encoding is its own representation, with its own validator.
    expect(gz.headers.etag).not.toBe(br.headers.etag);

    const plain = await get(srv.port, "/assets/app-3f9a1c.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(script)));
  });

  it("answers a HEAD with the headers of the GET and no body", async () => {
    const res = await get(srv.port, "/assets/app-3f9a1c.js", {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(script)));
    expect(res.body.byteLength).toBe(0);
  });

  it("answers 404 for missing files, files outside the build and other methods", async () => {
    for (const path of ["/assets/missing-0000.js", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
      const res = await get(srv.port, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body.toString()).not.toContain("not part of the app");
    }
    expect((await get(srv.port, "/", {}, "POST")).status).toBe(404);
    expect(JSON.parse((await get(srv.port, "/api/nope")).body.toString())).toEqual({
      error: "no such endpoint: /api/nope",
    });
  });
});
