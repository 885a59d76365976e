import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startStaticServer } from "../../web/static-server";
import { EXIT, type Io, UserError } from "../io";

const ROOT = join(import.meta.dirname, "../../..");

/** Path of the Electron binary, or null when its download did not happen (offline installs). */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)("electron") as unknown;
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function ensureBuilt(io: Io): void {
  if (existsSync(join(ROOT, "out/renderer/index.html")) && existsSync(join(ROOT, "out/main/index.js"))) return;
  io.stdout.write("netforge: building the app (first start)...\n");
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/electron-vite/bin/electron-vite.js"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed with exit code ${r.status}`);
}

/** `netforge start`: the Electron app when its binary exists, otherwise browser mode. */
export async function startCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "5317" },
      "no-electron": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be an integer from 0 to 65535; received ${values.port}`);
  if (!values["no-build"]) ensureBuilt(io);
  const electron = values["no-electron"] ? null : electronBinary();
  if (electron) {
    const child = spawn(electron, [ROOT], { stdio: "inherit" });
    return new Promise((ok) => child.on("exit", (code) => ok(code ?? EXIT.ok)));
  }
  const server = await startStaticServer({
    root: join(ROOT, "out/renderer"),
    port,
    host: "127.0.0.1",
  });
  io.stdout.write(
    `netforge: ${values["no-electron"] ? "browser mode" : "Electron is not installed on this machine, so NetForge runs in browser mode"}.\n` +
      `Open ${server.url}\n(press Ctrl-C to stop)\n`,
  );
  await new Promise<void>((ok) => {
    process.once("SIGINT", ok);
    process.once("SIGTERM", ok);
  });
  await server.close();
  return EXIT.ok;
}
