import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** `netforge train` and `netforge predict` as a user runs them: real processes, real files. */
const BIN = join(import.meta.dirname, "netforge.mjs");
const dir = mkdtempSync(join(tmpdir(), "netforge-train-"));
const netforge = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, timeout: 120_000 });

describe("netforge train / predict", () => {
  it("trains a template with --json: epoch events, then done with the run folder", () => {
    const runDir = join(dir, "xor-run");
    const r = netforge("train", "xor", "--epochs", "300", "--seed", "7", "--json", "--out", runDir);
    expect(r.status, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const epochs = events.filter((e) => e.event === "epoch");
    expect(epochs).toHaveLength(300);
    expect(epochs[0]).toMatchObject({ event: "epoch", epoch: 1, epochs: 300 });
    expect(typeof epochs[0].loss).toBe("number");
    const done = events.at(-1);
    expect(done).toMatchObject({ event: "done", reason: "completed", runDir, epochs: 300 });
    expect(done.metrics.accuracy).toBe(1);
    const record = JSON.parse(readFileSync(join(runDir, "run.json"), "utf8"));
    expect(record).toMatchObject({ name: "XOR MLP", source: "template:xor", data: { kind: "inline", samples: 4 } });
    expect(readFileSync(join(runDir, "metrics.jsonl"), "utf8").trim().split("\n")).toHaveLength(300);

    writeFileSync(
      join(dir, "in.json"),
      JSON.stringify([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
    );
    const p = netforge("predict", runDir, "--input", join(dir, "in.json"), "--json");
    expect(p.status, p.stderr).toBe(0);
    const outputs = (JSON.parse(p.stdout) as { outputs: number[][] }).outputs.map((o) => Math.round(o[0]));
    expect(outputs).toEqual([0, 1, 1, 0]);
    writeFileSync(join(dir, "in.csv"), "0,0\n1,1\n");
    const csv = netforge("predict", runDir, "--input", join(dir, "in.csv"));
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.trim().split("\n")).toHaveLength(2);
  }, 120_000);

  it("trains a project that sets nothing with defaults that follow the model and data, and warns about validation", () => {
    // The XOR template's model and data with no training settings but a seed: what a new project holds.
    const xor = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../resources/templates/xor.netforge.json"), "utf8"),
    );
    const file = join(dir, "new-xor.netforge.json");
    writeFileSync(file, JSON.stringify({ ...xor, training: { seed: 7 } }));
    const runDir = join(dir, "defaults-run");
    const r = netforge("train", file, "--json", "--out", runDir);
    expect(r.status, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // 0.2 of 4 rows holds out none: said before training, with its code.
    expect(events[0]).toMatchObject({ event: "warning", code: "W_VALIDATION_EMPTY" });
    const done = events.at(-1);
    expect(done).toMatchObject({ event: "done", reason: "completed" });
    expect(done.metrics.accuracy).toBe(1);
    const record = JSON.parse(readFileSync(join(runDir, "run.json"), "utf8"));
    expect(record.training).toMatchObject({
      loss: { type: "binaryCrossentropy" },
      metrics: ["accuracy"],
      optimizer: { type: "adam" },
      learningRate: 0.01,
      seed: 7,
    });
  }, 120_000);

  it("stops cleanly on Ctrl-C (SIGINT) and keeps the last checkpoint", async () => {
    const runDir = join(dir, "interrupted");
    // detached: its own process group, so the signal reaches the CLI and its trainer as Ctrl-C does.
    const child = spawn(
      process.execPath,
      [BIN, "train", "regression", "--epochs", "100000", "--json", "--out", runDir],
      {
        cwd: dir,
        detached: true,
      },
    );
    let out = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"event":"epoch"')) resolve();
      });
    });
    process.kill(-(child.pid as number), "SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    const done = JSON.parse(out.trim().split("\n").at(-1) as string);
    expect(done).toMatchObject({ event: "done", reason: "stopped", runDir });
    expect(existsSync(join(runDir, "checkpoints", "last", "model.json"))).toBe(true);
  }, 60_000);

  it.each([
    [["train", "nonexistent-template"], "no such project file, and no template of that name"],
    [["train", "xor", "--epochs", "0"], "--epochs must be a whole number >= 1; received 0"],
    [["train", "xor", "--lr", "fast"], "--lr must be a number > 0; received fast"],
    [["predict", "no-such-run", "--input", "x.json"], "no last checkpoint"],
  ])("exits 1 with a clear message: %j", (args, message) => {
    const r = netforge(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it("refuses a project whose graph has errors before starting a trainer", () => {
    const project = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../resources/templates/xor.netforge.json"), "utf8"),
    );
    project.graph.nodes[1].params.units = -3;
    writeFileSync(join(dir, "broken.netforge.json"), JSON.stringify(project));
    const r = netforge("train", "broken.netforge.json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("E_PARAM_INVALID");
  });
});
