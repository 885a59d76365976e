import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

/**
 * Starts `netforge start --no-electron` on a free port and resolves with the printed URL. `cwd` is
 * the folder the host may browse (its root); `env` adds variables (NETFORGE_CONFIG_DIR keeps recent
 * files and recovery files of a spec apart from the user's).
 */
export async function startBrowserMode(options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{
  url: string;
  origin: string;
  /** The host's process id (the crash spec finds and kills its trainer). */
  pid: number;
  stop: () => Promise<void>;
}> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "main/cli/netforge.mjs"), "start", "--no-electron", "--port", "0"],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => fail(new Error(`netforge start exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once("exit", () => ok());
        child.kill("SIGINT");
      }),
  };
}
