import { readFile } from "node:fs/promises";
import { extname, isAbsolute, join, posix, relative, sep } from "node:path";

/**
 * The packaged renderer is served from a privileged custom scheme instead of file:// (Electron's
 * security checklist, item 18): the page gets an origin of its own, so `'self'` in the CSP means
 * only the app's files, a file:// page cannot read the rest of the disk, and responses carry a
 * Content-Security-Policy header, which file:// loads cannot have.
 */
export const APP_SCHEME = "netforge";
export const APP_HOST = "app";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The file under `rendererDir` that an app URL names, or null for any URL that is not ours or that
 * would leave the folder (`..`, encoded slashes, NUL bytes). "/" is the index page.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // The URL parser has already resolved literal dot segments; any left came encoded, so refuse.
  if (path.includes("\0") || path.includes("\\") || path.split("/").includes("..")) return null;
  const normalized = posix.normalize(`/${path}`);
  const rel = normalized === "/" ? "index.html" : normalized.slice(1);
  const full = join(rendererDir, ...rel.split("/"));
  const back = relative(rendererDir, full);
  if (back === "" || back === ".." || back.startsWith(`..${sep}`) || isAbsolute(back)) return null;
  return full;
}

/**
 * Whether a frame shows our own UI: the packaged app's origin, or the dev server electron-vite
 * started (ELECTRON_RENDERER_URL). Anything else (a page the window was somehow navigated to, an
 * iframe) must not reach the host.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl).origin;
    return dev !== "null" && new URL(url).origin === dev;
  } catch {
    return false;
  }
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/**
 * The app scheme's answer to one request: the renderer's file with its content type and the CSP
 * header, or 404 / 405. Read-only and confined to `rendererDir`.
 */
export async function serveAppFile(
  rendererDir: string,
  request: { url: string; method: string },
  csp: string,
): Promise<AppResponse> {
  const text = (status: number, body: string): AppResponse => ({
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    body,
  });
  if (request.method !== "GET" && request.method !== "HEAD") return text(405, `${request.method} is not allowed`);
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return text(404, "not found");
  let body: Uint8Array;
  try {
    body = await readFile(file);
  } catch {
    return text(404, "not found");
  }
  return {
    status: 200,
    headers: {
      "Content-Type": contentTypeOf(file),
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    },
    body: request.method === "HEAD" ? "" : body,
  };
}
