import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { createHost, type Host } from "../services/host";
import { startWebServer, type WebServer } from "./server";

/**
 * For tests and benchmarks: the real host and web server on 127.0.0.1 (an ephemeral port), with a
 * stand-in app page and fresh temporary config and browse folders. Its trainer never starts.
 */
export async function startLoopbackServer(opts: {
  token: string;
  /** Folders the UI may browse; a fresh temporary one by default. */
  browseRoots?: string[];
  /** The page served as index.html. */
  html?: string;
  maxMessageBytes?: number;
}): Promise<{ host: Host; server: WebServer; close(): Promise<void> }> {
  const app = mkdtempSync(join(tmpdir(), "netforge-app-"));
  writeFileSync(join(app, "index.html"), opts.html ?? "<!doctype html>");
  const host = createHost({
    mode: "browser",
    browseRoots: opts.browseRoots ?? [mkdtempSync(join(tmpdir(), "netforge-root-"))],
    configDir: mkdtempSync(join(tmpdir(), "netforge-config-")),
    startTrainer: () => Promise.reject(new Error("no trainer behind this loopback server")),
  });
  const server = await startWebServer({
    host,
    staticRoot: app,
    port: 0,
    bind: "127.0.0.1",
    allowRemote: false,
    token: opts.token,
    ...(opts.maxMessageBytes === undefined ? {} : { maxMessageBytes: opts.maxMessageBytes }),
  });
  return {
    host,
    server,
    close: async () => {
      await server.close();
      await host.close();
    },
  };
}

/** An API socket to a server on 127.0.0.1, open and authorised with `token`. */
export function openApiSocket(port: number, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers: { Authorization: `Bearer ${token}` } });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}
