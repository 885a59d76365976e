import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stableStringify } from "../../shared/ir/serialize";
import { main } from "./index";

/** The CLI's tests: commands run in-process with string sinks, or as the real binary. */
export const BIN = join(import.meta.dirname, "netforge.mjs");

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** `netforge ...args` as a user runs it, in `cwd`. */
export const binary =
  (cwd: string) =>
  (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd, timeout: 120_000 });

/** A fresh temporary folder and a writer of files in it (objects as NetForge's stable JSON). */
export function tempFiles(prefix: string): { dir: string; file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : stableStringify(content));
    return path;
  };
  return { dir, file };
}
