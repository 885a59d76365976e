import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";

/** `netforge export` as a user runs it: real processes (CLI and trainer), real files. */
const BIN = join(import.meta.dirname, "netforge.mjs");
const TEMPLATES = join(import.meta.dirname, "../../resources/templates");
const dir = mkdtempSync(join(tmpdir(), "netforge-export-cli-"));
const netforge = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, timeout: 120_000 });

const RESULT_KEYS = [
  "file",
  "format",
  "opset",
  "irVersion",
  "inputs",
  "outputs",
  "verified",
  "maxAbsDiff",
  "maxRelDiff",
  "samples",
  "warnings",
  "readiness",
  "pipeline",
  "rawCheck",
  "beside",
];

function project(name: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(readFileSync(join(TEMPLATES, "xor.netforge.json"), "utf8"));
  change(doc);
  const path = join(dir, `${name}.netforge.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe("netforge export", () => {
  const runDir = join(dir, "xor-run");
  beforeAll(() => {
    const r = netforge("train", "xor", "--epochs", "2", "--json", "--out", runDir);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("exports a trained run to ONNX with --json: exactly the documented keys, verified", () => {
    const out = join(dir, "xor.onnx");
    const r = netforge("export", runDir, "--format", "onnx", "--out", out, "--json");
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual(RESULT_KEYS);
    expect(result).toMatchObject({
      file: out,
      format: "onnx",
      opset: 17,
      irVersion: 8,
      inputs: [{ name: "input_1", dtype: "float32", shape: ["N", 2] }],
      outputs: [
        { name: "probabilities", dtype: "float32", shape: ["N", 2] },
        { name: "label", dtype: "string", shape: ["N"] },
      ],
      verified: true,
      samples: 4,
      warnings: [],
      pipeline: { mode: "raw" },
      rawCheck: { source: "training inline samples", agree: 4, count: 4 },
    });
    expect(result.maxAbsDiff).toBeLessThan(1e-5);
    expect(typeof result.maxRelDiff).toBe("number");
    expect(existsSync(out)).toBe(true);
  }, 120_000);

  it("--bare writes the network alone, flagged as expecting preprocessed inputs", () => {
    const out = join(dir, "xor-bare.onnx");
    const r = netforge("export", runDir, "--bare", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("inputs:  input_1 float32 [N, 2]");
    expect(r.stdout).toContain("outputs: dense_2 float32 [N, 1]");
    expect(r.stdout).toContain("bare network");
    expect(r.stderr).toContain("warning: expects preprocessed inputs: ");
  }, 120_000);

  it("--table-inputs matrix gives iris one float matrix, and says how the raw check went", () => {
    const out = join(dir, "iris-matrix.onnx");
    const r = netforge("export", "iris", "--table-inputs", "matrix", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("inputs:  features float32 [N, 4]");
    expect(r.stdout).toContain("raw check on validation rows of iris.csv: 30 of 30 agree");
  }, 120_000);

  it("exports the tfjs layers format with a readable summary", () => {
    const out = join(dir, "xor-tfjs");
    const r = netforge("export", runDir, "--format", "tfjs", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`exported ${out} (tfjs layers format + netforge-run.json)`);
    expect(r.stdout).toMatch(/verified on 4 sample\(s\): max abs diff 0\.00e\+0/);
    expect(readdirSync(out).sort()).toEqual(["model.json", "netforge-run.json", "weights.bin"]);
  }, 120_000);

  it("exports a project's fresh weights with an 'untrained' warning", () => {
    const r = netforge("export", join(TEMPLATES, "xor.netforge.json"), "--out", join(dir, "fresh.onnx"), "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toContain(
      "untrained: exported with freshly initialised weights, not a trained model",
    );
  }, 120_000);

  it("exits 1 when a layer cannot be exported, naming it and why", () => {
    const path = project("gelu", (doc) => {
      doc.graph = sequential([5, 3], ["LSTM", { units: 4, activation: "gelu" }], ["Dense", { units: 1 }]);
    });
    const r = netforge("export", path, "--out", join(dir, "gelu.onnx"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("E_NOT_EXPORTABLE");
    expect(r.stderr).toContain('LSTM "lstm_1": ONNX export: LSTM with activation "gelu" cannot be exported');
    expect(existsSync(join(dir, "gelu.onnx"))).toBe(false);
  }, 60_000);

  it("exits 1 when verification fails: the numbers in --json, the file deleted", () => {
    // Embedding(maskZero) -> Dense -> LSTM: tfjs carries the mask through the Dense and skips the
    // padding steps; the file gives sequence lengths only to a recurrent layer right after the
    // Embedding, so it runs them.
    const path = project("masked", (doc) => {
      const g = sequential(
        [4],
        ["Embedding", { inputDim: 5, outputDim: 3, maskZero: true, embeddingsInitializer: "ones" }],
        ["Dense", { units: 3 }],
        ["LSTM", { units: 2 }],
        ["Dense", { units: 1, activation: "sigmoid" }],
      );
      (g.nodes[0].params as { dtype?: string }).dtype = "int32";
      doc.graph = g;
      doc.data = {
        kind: "inline",
        x: [
          [1, 2, 0, 0],
          [3, 0, 0, 0],
          [1, 2, 3, 4],
          [4, 4, 4, 0],
        ],
        y: [0, 1, 0, 1],
      };
    });
    const out = join(dir, "masked.onnx");
    const r = netforge("export", path, "--out", out, "--json");
    expect(r.status).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ file: null, verified: false, samples: 4 });
    expect(result.maxAbsDiff).toBeGreaterThan(1e-4);
    expect(r.stderr).toContain("verification failed");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.each([
    [["export", "no-such-run"], "no such run folder or project file"],
    [["export", "xor", "--format", "pdf"], "--format must be onnx or tfjs; received pdf"],
    [["export", "xor", "--samples", "0"], "--samples must be a whole number in [1, 4096]; received 0"],
    [["export", "xor", "--table-inputs", "rows"], "--table-inputs must be columns or matrix; received rows"],
  ])("exits 1 with a clear message: %j", (args, message) => {
    const r = netforge(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});
