import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Serves a file of the built renderer; nothing outside `root` (403), missing files 404. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
  headers: Record<string, string>,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendText(res, 400, "malformed path");
  }
  if (decoded.includes("\0")) return sendText(res, 400, "malformed path");
  const rel = normalize(decoded).replace(/^([/\\])+/, "");
  const file = join(root, rel === "" ? "index.html" : rel);
  if (file !== root && !file.startsWith(root + sep)) return sendText(res, 403, "outside the app folder");
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, "not found");
  res.writeHead(200, {
    ...headers,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-store",
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${text}\n`);
}
