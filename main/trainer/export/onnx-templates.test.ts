import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { parseDocument } from "../../../shared/ir/load";
import { exportOutputs } from "../../../shared/onnx/readiness";
import { inferGraph } from "../../../shared/shapes/infer";
import { type Compiled, compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { parity, pythonOnnxCheck, pythonOnnxMissing, randomizeWeights } from "./parity.testkit";

/**
 * Every bundled template, built with random weights, exported and run in onnxruntime-node next
 * to tfjs predict(); every file checked by python3-onnx; and OpenCV's ONNX importer (cv2.dnn, a
 * reader independent of ours and of onnxruntime) reproduces the MLP templates and a CNN.
 */
const TOLERANCE = 1e-5;
const TEMPLATES = join(import.meta.dirname, "../../../resources/templates");
const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "netforge-onnx-templates-"));
const files: string[] = [];

const templates = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith(".netforge.json"))
  .map((f) => {
    const doc = parseDocument(JSON.parse(readFileSync(join(TEMPLATES, f), "utf8")));
    if (!doc.ok) throw new Error(`${f}: ${doc.diagnostics.map((d) => d.message).join("; ")}`);
    return [f.replace(".netforge.json", ""), doc.graph] as const;
  });

/** The graph compiled for what an export holds (a GAN: generator and discriminator), with random weights. */
function build(graph: unknown, seed: number): Compiled {
  const outputs = exportOutputs(inferGraph(graph), { includeDiscriminator: true });
  const c = compileGraph(graph, { outputs });
  randomizeWeights(c, seed);
  return c;
}

/** Four samples per input: N(0, 1), or token ids below 10 for an int32 Input. */
const inputsOf = (c: Compiled) =>
  c.model.inputs.map((t) => {
    const shape = [4, ...t.shape.slice(1).map((d) => d ?? 6)];
    return t.dtype === "int32" ? tf.randomUniform(shape, 0, 10, "int32") : tf.randomNormal(shape);
  });

beforeAll(() => useBackend("cpu"));

describe("every template exports and matches tfjs in onnxruntime", () => {
  it("finds the bundled templates", () => expect(templates.length).toBeGreaterThanOrEqual(9));

  it.each(templates)("%s", async (name, graph) => {
    const c = build(graph, 3);
    const xs = inputsOf(c);
    const { maxAbsDiff, exported } = await parity(c, xs);
    console.log(`template ${name}: max abs diff ${maxAbsDiff.toExponential(2)} (${exported.ops.length} ONNX nodes)`);
    expect(maxAbsDiff).toBeLessThan(TOLERANCE);
    const file = join(dir, `${name}.onnx`);
    writeFileSync(file, exported.bytes);
    files.push(file);
    tf.dispose(xs);
    c.model.dispose();
  });
});

describe("python3-onnx accepts every template's file", () => {
  it("check_model(full_check) and strict shape inference", (ctx) => {
    const missing = pythonOnnxMissing();
    if (missing) {
      console.log(`skipping the python3-onnx check: ${missing}`);
      ctx.skip();
    }
    expect(files).toHaveLength(templates.length);
    expect(pythonOnnxCheck(dir, files)).toEqual([]);
  });
});

/** Why cv2 cannot run here, or null. */
function opencvMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import cv2, numpy"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} is absent (${r.error.message})`;
  return r.status === 0 ? null : `python3-opencv is not installed (apt-get install python3-opencv): ${r.stderr.trim()}`;
}

/** Runs an ONNX file in cv2.dnn on one input; returns its first output's values and shape. */
function opencv(file: string, x: tf.Tensor): { shape: number[]; data: number[] } {
  const script = [
    "import cv2, json, numpy as np, sys",
    "req = json.load(sys.stdin)",
    "net = cv2.dnn.readNetFromONNX(req['file'])",
    "net.setInput(np.array(req['data'], dtype=np.float32).reshape(req['shape']))",
    "y = net.forward()",
    "print(json.dumps({'shape': list(y.shape), 'data': y.astype(float).ravel().tolist()}))",
  ].join("\n");
  const input = JSON.stringify({ file, shape: x.shape, data: Array.from(x.dataSync()) });
  const r = spawnSync(PYTHON, ["-c", script], { input, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`cv2.dnn failed on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe("OpenCV's ONNX importer (cv2.dnn) reproduces the MLP and CNN outputs", () => {
  // The convolutional templates (CNNs, LeNet-5, residual and DenseNet blocks) and a small CNN of its own.
  const cnn = sequential(
    [28, 28, 1],
    ["Conv2D", { filters: 6, kernelSize: 3, padding: "same", activation: "relu" }],
    ["MaxPooling2D", { poolSize: 2 }],
    ["Conv2D", { filters: 8, kernelSize: 3, activation: "relu" }],
    ["MaxPooling2D", { poolSize: 2 }],
    ["Flatten"],
    ["Dense", { units: 10, activation: "softmax" }],
  );
  // Token models (an Embedding: Gather on int ids, such as the tree network's Conv1D levels) are
  // left out: cv2.dnn does not import Gather; onnxruntime and python3-onnx check them above.
  const convTemplates = templates.filter(
    ([, g]) => g.nodes.some((n) => n.kind.startsWith("Conv")) && !g.nodes.some((n) => n.kind === "Embedding"),
  );
  const cases: (readonly [string, unknown])[] = [
    ...templates.filter(([name]) => name === "fashion-mnist-mlp" || name === "iris"),
    ...convTemplates,
    ["small CNN", cnn],
  ];
  const worst: [string, number][] = [];
  const missing = opencvMissing();
  afterAll(() =>
    console.log(
      missing ? `skipped the cv2.dnn comparison: ${missing}` : `cv2.dnn max abs diffs: ${JSON.stringify(worst)}`,
    ),
  );

  it.skipIf(missing !== null).each(cases)("%s", async (name, graph) => {
    const c = build(graph, 11);
    const [x] = inputsOf(c);
    const { maxAbsDiff, exported } = await parity(c, [x]);
    expect(maxAbsDiff).toBeLessThan(TOLERANCE);
    const file = join(dir, `cv2-${name.replace(/\W+/g, "_")}.onnx`);
    writeFileSync(file, exported.bytes);
    const want = c.model.predict(x) as tf.Tensor;
    const got = opencv(file, x);
    expect(got.shape).toEqual(want.shape);
    const expected = want.dataSync();
    const diff = Math.max(...got.data.map((v, i) => Math.abs(v - expected[i])));
    worst.push([name, diff]);
    expect(diff).toBeLessThan(TOLERANCE);
    tf.dispose([x, want]);
    c.model.dispose();
  });
});
