import { randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

/**
 * Browser mode's HTTP side: serves the built renderer on 127.0.0.1 behind a random token.
 * The token arrives once in the printed URL and is kept in an HttpOnly cookie; the Host header
 * must name this server (DNS-rebinding defence). The WebSocket API joins it in the host issue.
 */
export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

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
};

export async function startStaticServer(opts: { root: string; port: number; host: string }): Promise<WebServer> {
  const token = randomBytes(24).toString("base64url");
  const root = resolve(opts.root);
  const server = createServer((req, res) => {
    handle(req, res, root, token, server.address()).catch(() => send(res, 500, "internal error"));
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const shownHost = opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  token: string,
  address: unknown,
): Promise<void> {
  const port = typeof address === "object" && address ? (address as { port: number }).port : 0;
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return send(res, 421, "unexpected Host header");
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed");
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const given = url.searchParams.get("token");
  if (given !== null) {
    if (!same(given, token)) return send(res, 403, "wrong token");
    // Trade the URL token for a cookie, then drop it from the address bar.
    res.writeHead(303, {
      "Set-Cookie": `netforge_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname,
    });
    res.end();
    return;
  }
  const cookie = /(?:^|;\s*)netforge_token=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
  if (!cookie || !same(cookie, token))
    return send(res, 401, "open the URL with the token that `netforge start` printed");
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
  const file = join(root, rel === "" ? "index.html" : rel);
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, "outside the app folder");
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, "not found");
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": info.size,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${text}\n`);
}
