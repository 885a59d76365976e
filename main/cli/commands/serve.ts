import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultConfigDir } from "../../services/config-dir";
import { type BrowserModeOptions, isLoopback, remoteWarning, startBrowserMode } from "../../web/browser-mode";
import { TokenFileError, tokenFilePath, tokenFromFile } from "../../web/token-file";
import { parseFlags } from "../args";
import { EXIT, type Io, UserError } from "../io";
import { forcedBackend } from "../trainer-start";

export const ROOT = join(import.meta.dirname, "../../..");

export function ensureBuilt(io: Io): void {
  if (existsSync(join(ROOT, "out/renderer/index.html")) && existsSync(join(ROOT, "out/main/index.js"))) return;
  io.stdout.write("netforge: building the app (first start)...\n");
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/electron-vite/bin/electron-vite.js"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed with exit code ${r.status}`);
}

/**
 * `netforge serve [--port N] [--host 127.0.0.1] [--allow-remote] [--root DIR]... [--token-file F]`:
 * browser mode (the host on this machine, the UI in any browser), like Jupyter or TensorBoard.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      port: { type: "string", default: "5317" },
      host: { type: "string", default: "127.0.0.1" },
      "allow-remote": { type: "boolean", default: false },
      "allowed-host": { type: "string", multiple: true },
      root: { type: "string", multiple: true },
      backend: { type: "string" },
      "token-file": { type: "string" },
      "no-build": { type: "boolean", default: false },
    },
    false,
  );
  const port = parsePort(values.port);
  const token = await stableToken(values["token-file"]);
  const bind = values.host;
  if (!isLoopback(bind) && !values["allow-remote"]) {
    throw new UserError(`--host ${bind} exposes NetForge beyond this machine; add --allow-remote to confirm`);
  }
  if (!values["no-build"]) ensureBuilt(io);
  return serveUntilSignal(io, {
    port,
    bind,
    allowRemote: values["allow-remote"],
    allowedHosts: values["allowed-host"],
    roots: values.root ?? [process.cwd()],
    backend: forcedBackend(values.backend).backend,
    token,
  });
}

/** The token of --token-file or the NETFORGE_TOKEN_FILE setting; undefined: a fresh one per start. */
export async function stableToken(flag: string | undefined): Promise<string | undefined> {
  const path = tokenFilePath(flag, process.env, defaultConfigDir());
  if (path === null) return undefined;
  try {
    return await tokenFromFile(path);
  } catch (error) {
    if (error instanceof TokenFileError) throw new UserError(error.message);
    throw error;
  }
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be an integer from 0 to 65535; received ${text}`);
  return port;
}

/** Starts browser mode, prints the URL, and runs until Ctrl-C (or SIGTERM). */
export async function serveUntilSignal(
  io: Io,
  opts: Omit<BrowserModeOptions, "staticRoot" | "configDir">,
  banner = "netforge: browser mode.",
): Promise<number> {
  const { host, server } = await startBrowserMode({ ...opts, staticRoot: join(ROOT, "out/renderer") }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        throw new UserError(`port ${opts.port} is in use; pass --port N (0: any free port)`);
      throw error;
    },
  );
  if (!isLoopback(opts.bind)) io.stderr.write(remoteWarning(opts.bind));
  io.stdout.write(
    `${banner}\nOpen ${server.url}\nFolders the UI may open: ${opts.roots.join(", ")} (change with --root)\n(press Ctrl-C to stop)\n`,
  );
  await new Promise<void>((ok) => {
    process.once("SIGINT", ok);
    process.once("SIGTERM", ok);
  });
  await server.close();
  await host.close();
  return EXIT.ok;
}
