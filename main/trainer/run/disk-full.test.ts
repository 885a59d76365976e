import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { template } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { startRun } from "./fit";

/** The trainer on a full disk: ENOSPC injected at the fs boundary for the run folder only. */
const full = vi.hoisted(() => ({ dir: "" }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const enospc = (path: unknown) =>
    Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), {
      code: "ENOSPC",
      syscall: "write",
      path: String(path),
    });
  const isFull = (path: unknown) => full.dir !== "" && String(path).startsWith(full.dir);
  const open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    if (isFull(args[0])) handle.writeFile = () => Promise.reject(enospc(args[0]));
    return handle;
  };
  const appendFile = async (...args: Parameters<typeof fs.appendFile>) => {
    if (isFull(args[0])) throw enospc(args[0]);
    return fs.appendFile(...args);
  };
  const mocked = { ...fs, open, appendFile };
  return { ...mocked, default: mocked };
});

beforeAll(() => useBackend("wasm"));

describe("a run on a full disk", () => {
  it("ends with E_IO naming the disk and the file, and leaves no temporary file in the run folder", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "netforge-full-run-"));
    full.dir = runDir;
    const t = template("xor");
    const messages: TrainerMessage[] = [];
    const start = { type: "start" as const, runId: "full", graph: t.graph, training: { ...t.training, epochs: 2 } };
    const handle = startRun({ ...start, data: t.data, runDir }, (m) => messages.push(m));
    await handle.finished;
    handle.dispose();
    const error = messages.find((m) => m.type === "error");
    expect(error).toMatchObject({ code: "E_IO", message: expect.stringMatching(/no space left on the disk.*ENOSPC/) });
    const leftovers = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? leftovers(join(dir, e.name)) : e.name.includes(".tmp") ? [e.name] : [],
      );
    expect(leftovers(runDir)).toEqual([]);
  });
});
