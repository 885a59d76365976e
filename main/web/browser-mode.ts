import { resolve } from "node:path";
import { createHost, type Host } from "../services/host";
import { startWebServer, type WebServer } from "./server";

export interface BrowserModeOptions {
  staticRoot: string;
  port: number;
  bind: string;
  allowRemote: boolean;
  allowedHosts?: string[];
  /** Folders the folder browser may open (default: the working folder). */
  roots: string[];
  backend?: string;
  configDir?: string;
  token?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export function isLoopback(bind: string): boolean {
  return LOOPBACK.has(bind);
}

/** The host and its web server, as `netforge serve` and `netforge start` (without Electron) run them. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<{ host: Host; server: WebServer }> {
  if (!isLoopback(opts.bind) && !opts.allowRemote) {
    throw new Error(`--host ${opts.bind} exposes NetForge beyond this machine; add --allow-remote to confirm`);
  }
  const host = createHost({
    mode: "browser",
    browseRoots: opts.roots.map((r) => resolve(r)),
    backend: opts.backend,
    configDir: opts.configDir,
  });
  const server = await startWebServer({
    host,
    staticRoot: opts.staticRoot,
    port: opts.port,
    bind: opts.bind === "localhost" ? "127.0.0.1" : opts.bind,
    allowRemote: opts.allowRemote,
    allowedHosts: opts.allowedHosts,
    token: opts.token,
  });
  host.warmUp();
  return { host, server };
}

/** Printed when the server listens beyond loopback. */
export function remoteWarning(bind: string): string {
  return (
    `WARNING: NetForge listens on ${bind}: anyone who can reach this machine and has the token can read and ` +
    "write files in the folders under --root and run training. The connection is not encrypted; prefer " +
    "an SSH tunnel (ssh -L) to a server on 127.0.0.1.\n"
  );
}
