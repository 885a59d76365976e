import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { parseFlags } from "../args";
import { EXIT, type Io } from "../io";
import { ensureBuilt, parsePort, ROOT, serveUntilSignal, stableToken } from "./serve";

/** Path of the Electron binary, or null when its download did not happen (offline installs). */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)("electron") as unknown;
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** `netforge start`: the Electron app when its binary exists, otherwise browser mode. */
export async function startCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      port: { type: "string", default: "5317" },
      "no-electron": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "token-file": { type: "string" },
    },
    false,
  );
  const port = parsePort(values.port);
  if (!values["no-build"]) ensureBuilt(io);
  const electron = values["no-electron"] ? null : electronBinary();
  if (electron) {
    const child = spawn(electron, [ROOT], { stdio: "inherit" });
    return new Promise((ok) => child.on("exit", (code) => ok(code ?? EXIT.ok)));
  }
  return serveUntilSignal(
    io,
    {
      port,
      bind: "127.0.0.1",
      allowRemote: false,
      roots: [process.cwd()],
      token: await stableToken(values["token-file"]),
    },
    `netforge: ${values["no-electron"] ? "browser mode" : "Electron is not installed on this machine, so NetForge runs in browser mode"}.`,
  );
}
