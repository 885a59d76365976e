import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PredictionResult } from "../../shared/evaluation/report";
import { BIN, binary } from "./cli-testkit";

/** `netforge train` and `netforge predict` as a user runs them: real processes, real files. */
const dir = mkdtempSync(join(tmpdir(), "netforge-train-"));
const netforge = binary(dir);

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
    // The PredictionResult of Try it: XOR's binary output as both classes' probabilities.
    const result = JSON.parse(p.stdout) as PredictionResult;
    expect(result.predictions.map((o) => (o.kind === "class" ? o.classId : -1))).toEqual([0, 1, 1, 0]);
    expect(result.classNames).toEqual(["0", "1"]);
    // The legacy headerless numeric CSV: one sample per line, one output line per sample.
    writeFileSync(join(dir, "in.csv"), "0,0\n1,1\n");
    const csv = netforge("predict", runDir, "--input", join(dir, "in.csv"));
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/^line 1\t0 [\d.]+\t1 [\d.]+\nline 2\t0 [\d.]+\t1 [\d.]+\n$/);

    // One default everywhere: best (as evaluate and export), the last one when the run kept no best.
    const onlyBest = join(dir, "only-best");
    cpSync(runDir, onlyBest, { recursive: true });
    rmSync(join(onlyBest, "checkpoints", "last"), { recursive: true });
    const best = netforge("predict", onlyBest, "--input", join(dir, "in.json"), "--json");
    expect(best.status, best.stderr).toBe(0);
    const onlyLast = join(dir, "only-last");
    cpSync(runDir, onlyLast, { recursive: true });
    rmSync(join(onlyLast, "checkpoints", "best"), { recursive: true });
    const last = netforge("predict", onlyLast, "--input", join(dir, "in.json"), "--json");
    expect(last.status, last.stderr).toBe(0);
    expect(last.stderr).toContain("the run has no best checkpoint; using its last");
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
    [["train", "xor", "--epochs", "0"], "--epochs must be an integer >= 1 and <= 100000; received 0"],
    [["train", "xor", "--epochs", "-1"], "--epochs must be an integer >= 1 and <= 100000; received -1"],
    [["train", "xor", "--epochs", "2.5"], "--epochs must be an integer >= 1 and <= 100000; received 2.5"],
    [["train", "xor", "--batch-size", "1e9"], "--batch-size must be an integer >= 1 and <= 65536; received 1e9"],
    [["train", "xor", "--seed", "-3"], "--seed must be an integer >= 0"],
    [["train", "xor", "--lr", "fast"], "--lr must be a finite number > 0 and <= 10; received fast"],
    [["train", "xor", "--lr", "-0.1"], "--lr must be a finite number > 0 and <= 10; received -0.1"],
    [["train", "xor", "--lr", "Infinity"], "--lr must be a finite number > 0 and <= 10; received Infinity"],
    [
      ["train", "xor", "--backend", "cuda9000"],
      '--backend must be one of auto, tensorflow-gpu, tensorflow, wasm, cpu; received "cuda9000"',
    ],
    [
      ["train", "xor", "--backend", "tpu"],
      '--backend must be one of auto, tensorflow-gpu, tensorflow, wasm, cpu; received "tpu"',
    ],
    [["predict", "r", "--input", "x.json", "--backend", "tpu"], "--backend must be one of"],
    [["evaluate", "r", "--backend", "tpu"], "--backend must be one of"],
    [["export", "xor", "--backend", "tpu"], "--backend must be one of"],
    [["export", "xor", "--samples", "-5"], "--samples must be a whole number in [1, 4096]; received -5"],
    [["serve", "--port", "-1", "--no-build"], "--port must be an integer from 0 to 65535; received -1"],
    [["predict", "no-such-run", "--input", "x.json"], "no best checkpoint"],
  ])("exits 1 with a clear message: %j", (args, message) => {
    const r = netforge(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("names NETFORGE_BACKEND when that is where a bad backend came from", () => {
    const r = spawnSync(process.execPath, [BIN, "train", "xor"], {
      encoding: "utf8",
      cwd: dir,
      env: { ...process.env, NETFORGE_BACKEND: "tpu" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'NETFORGE_BACKEND must be one of auto, tensorflow-gpu, tensorflow, wasm, cpu; received "tpu"',
    );
  });

  it("refuses a model that cannot fit in memory before starting a trainer, with the figures", () => {
    const project = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../resources/templates/xor.netforge.json"), "utf8"),
    );
    // 2e12 parameters: [2e6] -> Dense(1e6).
    project.graph.nodes[0].params.shape = [2_000_000];
    project.graph.nodes[1].params.units = 1_000_000;
    writeFileSync(join(dir, "huge.netforge.json"), JSON.stringify(project));
    const r = netforge("train", "huge.netforge.json");
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/E_MEMORY training needs at least [\d.]+ TB of memory; this machine has/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
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

  it("prints a trainer error's code once, and exits 1", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i / 2}`).join("\n");
    writeFileSync(join(dir, "series.csv"), `t,v\n${rows}\n`);
    const project = {
      format: "netforge.project",
      version: 1,
      name: "series",
      data: { source: { kind: "timeSeries", path: "series.csv", columns: ["v"], lookback: 3 } },
      training: { epochs: 1 },
      graph: {
        format: "netforge.graph",
        version: 1,
        nodes: [
          { id: "input_1", kind: "Input", params: { shape: [3, 1] }, position: { x: 0, y: 0 } },
          { id: "flatten_1", kind: "Flatten", params: {}, position: { x: 300, y: 0 } },
          { id: "dense_1", kind: "Dense", params: { units: 2 }, position: { x: 600, y: 0 } },
        ],
        edges: [
          { id: "e1", source: "input_1", target: "flatten_1", targetPort: "in" },
          { id: "e2", source: "flatten_1", target: "dense_1", targetPort: "in" },
        ],
      },
    };
    writeFileSync(join(dir, "series.netforge.json"), JSON.stringify(project));
    const r = netforge("train", "series.netforge.json");
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain("error E_DATA_TARGETS: a series forecasts horizon = 1 value(s) per window");
    expect(r.stderr).not.toContain("E_DATA_TARGETS: E_DATA_TARGETS");
  }, 120_000);
});
