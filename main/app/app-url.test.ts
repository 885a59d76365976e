import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ENTRY, contentTypeOf, isAppUrl, resolveAppFile, serveAppFile } from "./app-url";

const root = mkdtempSync(join(tmpdir(), "netforge-app-url-"));
const renderer = join(root, "renderer");
mkdirSync(join(renderer, "assets"), { recursive: true });
writeFileSync(join(renderer, "index.html"), "<!doctype html><title>NetForge</title>");
writeFileSync(join(renderer, "assets", "index-abc.js"), "export {}");
writeFileSync(join(root, "secret.txt"), "outside the renderer folder");

describe("resolveAppFile", () => {
  it("maps app URLs to files under the renderer folder", () => {
    expect(resolveAppFile(renderer, APP_ENTRY)).toBe(join(renderer, "index.html"));
    expect(resolveAppFile(renderer, "netforge://app/")).toBe(join(renderer, "index.html"));
    expect(resolveAppFile(renderer, "netforge://app/assets/index-abc.js?v=1#x")).toBe(
      join(renderer, "assets", "index-abc.js"),
    );
    expect(resolveAppFile(renderer, "netforge://app/assets/a%20b.js")).toBe(join(renderer, "assets", "a b.js"));
  });

  it.each([
    "netforge://app/../secret.txt",
    "netforge://app/%2e%2e/secret.txt",
    "netforge://app/assets/..%2f..%2fsecret.txt",
    "netforge://app/..%5csecret.txt",
    "netforge://app/a%00.js",
    "netforge://app/%E0%A4%A",
    "netforge://other/index.html",
    "https://app/index.html",
    "file:///etc/passwd",
    "not a url",
  ])("refuses %s", (url) => {
    const file = resolveAppFile(renderer, url);
    // Normalisation may keep a traversal inside the folder; it must never leave it.
    if (file !== null) expect(file.startsWith(`${renderer}/`)).toBe(true);
    expect(file === join(root, "secret.txt")).toBe(false);
  });

  it("returns null for traversal and foreign URLs rather than a path", () => {
    expect(resolveAppFile(renderer, "netforge://app/assets/..%2f..%2fsecret.txt")).toBeNull();
    expect(resolveAppFile(renderer, "netforge://other/index.html")).toBeNull();
    expect(resolveAppFile(renderer, "netforge://app/a%00.js")).toBeNull();
  });
});

describe("serveAppFile", () => {
  const csp = "default-src 'none'";

  it("serves a file with its type, the CSP and nosniff", async () => {
    const res = await serveAppFile(renderer, { url: "netforge://app/assets/index-abc.js", method: "GET" }, csp);
    expect(res.status).toBe(200);
    expect(res.headers["Content-Type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["Content-Security-Policy"]).toBe(csp);
    expect(res.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(Buffer.from(res.body).toString()).toBe("export {}");
  });

  it("answers 404 for missing files, folders and escapes, 405 for writes", async () => {
    const get = (url: string) => serveAppFile(renderer, { url, method: "GET" }, csp);
    expect((await get("netforge://app/missing.js")).status).toBe(404);
    expect((await get("netforge://app/assets")).status).toBe(404);
    expect((await get("netforge://app/..%2fsecret.txt")).status).toBe(404);
    expect((await serveAppFile(renderer, { url: APP_ENTRY, method: "POST" }, csp)).status).toBe(405);
  });
});

describe("isAppUrl", () => {
  it("accepts the app scheme and the dev server's origin only", () => {
    expect(isAppUrl("netforge://app/index.html")).toBe(true);
    expect(isAppUrl("netforge://app.evil/index.html")).toBe(false);
    expect(isAppUrl("netforge://application/index.html")).toBe(false);
    expect(isAppUrl("http://localhost:5173/")).toBe(false);
    expect(isAppUrl("http://localhost:5173/index.html", "http://localhost:5173")).toBe(true);
    expect(isAppUrl("http://localhost:5174/", "http://localhost:5173")).toBe(false);
    expect(isAppUrl("http://127.0.0.1:5173/", "http://localhost:5173")).toBe(false);
    expect(isAppUrl("file:///tmp/index.html", "http://localhost:5173")).toBe(false);
    expect(isAppUrl("about:blank", "http://localhost:5173")).toBe(false);
  });
});

it("names content types by extension", () => {
  expect(contentTypeOf("a/index.html")).toBe("text/html; charset=utf-8");
  expect(contentTypeOf("a/x.WASM")).toBe("application/wasm");
  expect(contentTypeOf("a/x.unknown")).toBe("application/octet-stream");
});
