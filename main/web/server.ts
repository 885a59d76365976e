import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { MAX_MESSAGE_BYTES } from "../../shared/api/limits";
import { WS_PATH } from "../../shared/api/wire";
import type { Host } from "../services/host";
import {
  checkHost,
  checkOrigin,
  checkToken,
  contentSecurityPolicy,
  cookieNameFor,
  type Gate,
  presentedToken,
  type Verdict,
} from "./security";
import { attachSocket } from "./socket";
import { sendText, serveStatic } from "./static-files";

export interface WebServerOptions {
  host: Host;
  /** The built renderer (out/renderer). */
  staticRoot: string;
  port: number;
  /** Interface to bind: 127.0.0.1 unless remote access was allowed. */
  bind: string;
  allowRemote: boolean;
  /** Extra Host names accepted with remote access. */
  allowedHosts?: string[];
  /** Fixed token (tests); default random. */
  token?: string;
  /** The message size cap (tests); default MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer over HTTP and the API over a WebSocket on the same port, behind
 * a random token. The printed URL carries the token once; the server trades it for an HttpOnly,
 * SameSite=Strict cookie and redirects to a clean URL, so the token is not left in the address bar
 * or history. Every request is checked for Host (DNS rebinding), Origin (other pages) and token.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString("base64url");
  const root = resolve(opts.staticRoot);
  const gate: Gate = {
    port: opts.port,
    allowRemote: opts.allowRemote,
    names: [hostname().toLowerCase(), ...(opts.allowedHosts ?? []).map((h) => h.toLowerCase())],
    token,
  };
  // A larger message is refused by ws as soon as its header arrives: close code 1009 (too big).
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes ?? MAX_MESSAGE_BYTES });
  wss.on("connection", (socket) => attachSocket(opts.host, socket));

  const server = createServer((req, res) => {
    onRequest(req, res, gate, root).catch(() => {
      if (!res.headersSent) sendText(res, 500, "internal error");
      else res.destroy();
    });
  });
  server.on("upgrade", (req, socket, head) => onUpgrade(req, socket, head, gate, wss));

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.bind, () => ok());
  });
  const address = server.address();
  gate.port = typeof address === "object" && address ? address.port : opts.port;
  const shownHost = opts.bind === "0.0.0.0" || opts.bind === "::" ? "127.0.0.1" : opts.bind;
  return {
    url: `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${gate.port}/?token=${token}`,
    token,
    port: gate.port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

async function onRequest(req: IncomingMessage, res: ServerResponse, gate: Gate, root: string): Promise<void> {
  const refused = first(checkHost(req.headers.host, gate), checkOrigin(req.headers.origin, req.headers.host));
  if (refused) return sendText(res, refused.status, refused.reason);
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "method not allowed");
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const cookieName = cookieNameFor(gate.port);
  const verdict = checkToken(presentedToken(req.headers, url, cookieName), gate);
  if (!verdict.ok) return sendText(res, verdict.status, verdict.reason);
  if (url.searchParams.has("token")) {
    // Trade the URL token for a cookie, then drop it from the address bar.
    res.writeHead(303, {
      "Set-Cookie": `${cookieName}=${gate.token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname,
      "Referrer-Policy": "no-referrer",
    });
    res.end();
    return;
  }
  await serveStatic(req, res, root, url.pathname, {
    "Content-Security-Policy": contentSecurityPolicy(req.headers.host as string),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
}

function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, gate: Gate, wss: WebSocketServer): void {
  const url = new URL(req.url ?? "/", "http://upgrade.invalid");
  const refused =
    url.pathname !== WS_PATH
      ? ({ ok: false, status: 403, reason: "unknown endpoint" } as const)
      : first(
          checkHost(req.headers.host, gate),
          checkOrigin(req.headers.origin, req.headers.host),
          checkToken(presentedToken(req.headers, url, cookieNameFor(gate.port)), gate),
        );
  if (refused) {
    const text = `${refused.reason}\n`;
    socket.end(
      `HTTP/1.1 ${refused.status} ${refused.status === 401 ? "Unauthorized" : "Forbidden"}\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
}

function first(...verdicts: Verdict[]): Extract<Verdict, { ok: false }> | null {
  for (const v of verdicts) if (!v.ok) return v;
  return null;
}
