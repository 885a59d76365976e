import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import type { WeightTensor } from "../../../shared/onnx/emitters/types";
import { exportOnnx, type OnnxExport } from "../../../shared/onnx/export";
import { buildPipeline, type PipelineInput } from "../../../shared/onnx/pipeline/index";
import type { Pipeline, PipelineDescription } from "../../../shared/onnx/pipeline/types";
import { mulberry32 } from "../../../shared/random";
import { type GraphAnalysis, inferGraph } from "../../../shared/shapes/infer";
import { parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import { checkOnnxFile } from "./onnx-check.testkit";

/**
 * Test helpers for the raw-data pipeline (shared/onnx/pipeline): export a tiny network with its
 * pipeline, check the file with python3-onnx, run it in onnxruntime-node, and the same network's
 * math in float64 for NetForge's side.
 */

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "nf-pipeline-"));

export function training(raw: unknown): TrainingConfig {
  const r = parseTrainingConfig(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

/** Seeded weights of every node's spec shapes, U(-1, 1). */
export function seededWeights(analysis: GraphAnalysis, seed = 3): Record<string, WeightTensor[]> {
  const random = mulberry32(seed);
  return Object.fromEntries(
    analysis.order.map((id) => [
      id,
      analysis.nodes[id].weights.map((w) => ({
        shape: w.shape,
        data: Float32Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, () => 2 * random() - 1),
      })),
    ]),
  );
}

export interface Built {
  path: string;
  analysis: GraphAnalysis;
  weights: Record<string, WeightTensor[]>;
  exported: OnnxExport;
  pipeline: Pipeline;
  description: PipelineDescription;
  session: ort.InferenceSession;
}

/** Exports `graph` with its pipeline into `dir`/`name`.onnx, checks it with python3-onnx, loads it. */
export async function build(
  dir: string,
  name: string,
  graph: unknown,
  input: Omit<PipelineInput, "analysis" | "outputs">,
  opts: { seed?: number; weights?: (analysis: GraphAnalysis) => Record<string, WeightTensor[]> } = {},
): Promise<Built> {
  const analysis = inferGraph(graph);
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.diagnostics));
  const weights = opts.weights?.(analysis) ?? seededWeights(analysis, opts.seed);
  const pipeline = buildPipeline({ ...input, analysis, outputs: analysis.outputs });
  const exported = exportOnnx(analysis, { weights, pipeline });
  const path = join(dir, `${name}.onnx`);
  writeFileSync(path, exported.bytes);
  const problem = checkOnnxFile(path);
  if (problem) throw new Error(problem);
  const session = await ort.InferenceSession.create(path);
  return { path, analysis, weights, exported, pipeline, description: pipeline.describe(), session };
}

/** y = act(x W + b) per row, in float64: the network math NetForge's model computes. */
export function dense(
  x: ArrayLike<number>,
  rows: number,
  [kernel, bias]: readonly WeightTensor[],
  activation: "linear" | "softmax" | "sigmoid" = "linear",
): number[][] {
  const [n, units] = kernel.shape;
  return Array.from({ length: rows }, (_, r) => {
    const y = Array.from({ length: units }, (_, u) => {
      let s = bias ? bias.data[u] : 0;
      for (let i = 0; i < n; i++) s += x[r * n + i] * kernel.data[i * units + u];
      return s;
    });
    return activation === "softmax" ? softmax(y) : activation === "sigmoid" ? y.map(sigmoid) : y;
  });
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

export function softmax(y: readonly number[]): number[] {
  const m = Math.max(...y);
  const e = y.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** The first index of the largest value, as evaluate-predict.ts classOf picks it. */
export function argmax(p: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  return best;
}

/** Largest |a - b|; NaN anywhere counts as infinitely far. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`${a.length} values against ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(Number(a[i]) - Number(b[i]));
    m = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(m, d);
  }
  return m;
}

export async function run(
  session: ort.InferenceSession,
  feeds: Record<string, ort.Tensor>,
): Promise<Record<string, ort.Tensor>> {
  return (await session.run(feeds)) as Record<string, ort.Tensor>;
}
