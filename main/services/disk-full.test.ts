import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ioFailure } from "../../shared/api/io-errors";
import type { Project } from "../../shared/ir/project";
import { stableStringify } from "../../shared/ir/serialize";
import { writeRunRecord } from "../cli/trainable";
import { createHost, type Host } from "./host";
import { sweepStaleTemps } from "./temp-sweep";
import { hostWithOpenFolder, refusal } from "./test-host";

/**
 * A full disk, simulated at the fs boundary: every write into a folder listed in `full.dirs`
 * fails with ENOSPC after the file was created, as a real full disk does (so a non-atomic write
 * leaves a 0-byte file). Everything else is the real file system.
 */
const full = vi.hoisted(() => ({ dirs: [] as string[] }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const isFull = (path: unknown) => full.dirs.some((d) => String(path).startsWith(d));
  const enospc = (path: unknown) =>
    Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), {
      code: "ENOSPC",
      errno: -28,
      syscall: "write",
      path: String(path),
    });
  const open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    if (isFull(args[0])) handle.writeFile = () => Promise.reject(enospc(args[0]));
    return handle;
  };
  const writeFile = async (...args: Parameters<typeof fs.writeFile>) => {
    if (!isFull(args[0])) return fs.writeFile(...args);
    await fs.writeFile(args[0], "");
    throw enospc(args[0]);
  };
  const mocked = { ...fs, open, writeFile };
  return { ...mocked, default: mocked };
});

let dir: string;
let config: string;
let host: Host;
const DEAD_PID = 4_194_305; // above Linux's largest pid_max: never a live process

beforeEach(async () => {
  full.dirs = [];
  ({ host, folder: dir, config } = await hostWithOpenFolder("netforge-full"));
});
afterEach(() => host.close());

const temps = (folder: string) => readdirSync(folder).filter((n) => n.includes(".tmp"));

async function savedXor(): Promise<{ path: string; project: Project }> {
  const { project } = await host.call("projects.new", { template: "xor" });
  const path = join(dir, "xor.netforge.json");
  await host.call("projects.save", { path, project });
  return { path, project };
}

describe("disk full (item 18)", () => {
  it("opening a project works when the recent-files list cannot be written", async () => {
    const { path } = await savedXor();
    full.dirs = [config];
    const opened = await host.call("projects.open", { path });
    expect(opened.path).toBe(path);
    expect(temps(config)).toEqual([]);
  });

  it("saving works when only the recent-files list cannot be written", async () => {
    const { project } = await host.call("projects.new", { template: "xor" });
    full.dirs = [config];
    const path = join(dir, "saved.netforge.json");
    const saved = await host.call("projects.save", { path, project });
    expect(saved.path).toBe(path);
    expect(JSON.parse(readFileSync(path, "utf8")).name).toBe(project.name);
  });

  it("a full project folder: save, autosave and train.start answer E_IO naming the disk, and leave no file behind", async () => {
    const { path, project } = await savedXor();
    const before = readFileSync(path, "utf8");
    full.dirs = [dir, config];
    const save = await refusal(host.call("projects.save", { path, project }));
    expect(save.code).toBe("E_IO");
    expect(readFileSync(path, "utf8")).toBe(before);
    const autosave = await refusal(host.call("projects.autosave", { sessionId: "session-1", path, project }));
    expect(autosave).toMatchObject({ code: "E_IO" });
    expect(autosave.message).toMatch(/no space left on the disk/);
    const train = await refusal(host.call("train.start", { project, projectPath: path }));
    expect(train.code).toBe("E_IO");
    expect(train.message).toMatch(/no space left on the disk.*ENOSPC/);
    expect(temps(dir)).toEqual([]);
    expect(existsSync(join(config, "recovery")) ? temps(join(config, "recovery")) : []).toEqual([]);
    const runs = join(dir, "xor.runs");
    for (const run of readdirSync(runs)) expect(readdirSync(join(runs, run))).toEqual([]);
  });

  it("run.json is written whole or not at all", async () => {
    const runDir = join(dir, "r.runs", "r1");
    mkdirSync(runDir, { recursive: true });
    full.dirs = [runDir];
    await expect(writeRunRecord(runDir, { runId: "r1" })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readdirSync(runDir)).toEqual([]);
    full.dirs = [];
    await writeRunRecord(runDir, { runId: "r1" });
    expect(JSON.parse(readFileSync(join(runDir, "run.json"), "utf8")).runId).toBe("r1");
  });
});

describe("temporary files of killed writers", () => {
  it("the host sweeps stale ones from its config folder at start-up and keeps live writers' files", async () => {
    const stale = [`.recent.json.${DEAD_PID}-0123abcd.tmp`];
    const live = [`.recent.json.${process.pid}-0123abcd.tmp`, "notes.tmp", ".x.12-zz.tmp"];
    mkdirSync(join(config, "recovery"), { recursive: true });
    for (const name of [...stale, ...live]) writeFileSync(join(config, name), "");
    writeFileSync(join(config, "recovery", `.s1.json.${DEAD_PID}-0123abcd.tmp`), "");
    const second = createHost({ mode: "browser", configDir: config, startTrainer: () => Promise.reject(new Error()) });
    await vi.waitFor(() => expect(readdirSync(join(config, "recovery"))).toEqual([]));
    await vi.waitFor(() => expect(readdirSync(config).sort()).toEqual(["recovery", ...live].sort()));
    await second.close();
  });

  it("opening a project sweeps its folder; reading a run sweeps the run's checkpoints", async () => {
    const { path } = await savedXor();
    writeFileSync(join(dir, `.xor.netforge.json.${DEAD_PID}-0123abcd.tmp`), "half");
    await host.call("projects.open", { path });
    expect(temps(dir)).toEqual([]);
    const runDir = join(dir, "xor.runs", "r1");
    mkdirSync(join(runDir, "checkpoints", "best"), { recursive: true });
    writeFileSync(join(runDir, "run.json"), stableStringify({ runId: "r1", name: "xor" }));
    writeFileSync(join(runDir, "checkpoints", "best", `weights.bin.tmp-${DEAD_PID}`), "half");
    await host.call("runs.get", { projectPath: path, runId: "r1" });
    expect(readdirSync(join(runDir, "checkpoints", "best"))).toEqual([]);
  });

  it("sweepStaleTemps leaves links alone and tolerates a missing folder", async () => {
    expect(await sweepStaleTemps(join(dir, "missing"))).toEqual([]);
    expect(await sweepStaleTemps(dir, () => false)).toEqual([]);
  });
});

describe("ioFailure", () => {
  it("names the reason, the operation and the path, and passes other errors by", () => {
    const e = Object.assign(new Error("x"), { code: "ENOSPC", syscall: "write", path: "/d/f" });
    expect(ioFailure(e, "saving failed")).toEqual({
      code: "E_IO",
      message: "saving failed: no space left on the disk (write /d/f) [ENOSPC]",
    });
    expect(ioFailure(Object.assign(new Error("x"), { code: "ENOENT" }))).toBeNull();
    expect(ioFailure(null)).toBeNull();
    expect(ioFailure("ENOSPC")).toBeNull();
  });
});
