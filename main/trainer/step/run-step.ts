import * as tf from "@tensorflow/tfjs";
import { type StepJob, StepJobSchema, type StepThroughResult } from "../../../shared/api/schemas/step-through";
import { mulberry32 } from "../../../shared/random";
import { parseTrainingConfig } from "../../../shared/training/config";
import { compileGraph } from "../compile/compile";
import type { Batch } from "../run/batches";
import { prepareDataset } from "../run/dataset";
import { guardCompile, RunError } from "../run/run-error";
import { scoring } from "../train/scoring";
import { stepThrough } from "./step-through";

/**
 * The trainer side of a step-through request: compile the project's graph with the weights a run
 * with its seed would start from (hand-set initialWeights included), prepare its data as training
 * does, pick the sample, and step once. Nothing is kept; the model is disposed afterwards.
 */
export async function runStepThrough(job: StepJob): Promise<StepThroughResult> {
  const { graph, training, data, sample } = StepJobSchema.parse(job);
  const parsed = parseTrainingConfig(training);
  if (!parsed.ok)
    throw new RunError("E_CONFIG", `training settings: ${parsed.issues.map((i) => i.message).join("; ")}`);
  const config = parsed.config;
  // The same initial weights as a run with this seed (fit.ts seeds Math.random the same way);
  // restored after, so a run training in this process keeps its own random stream.
  const random = Math.random;
  if (config.seed !== null) Math.random = mulberry32(config.seed);
  let compiled: ReturnType<typeof compileGraph>;
  try {
    compiled = guardCompile(() => compileGraph(graph));
  } finally {
    Math.random = random;
  }
  try {
    const typed = sample.x !== undefined ? { kind: "inline" as const, x: [sample.x], y: [sample.y as never] } : null;
    const prepared = await prepareDataset(typed ?? data, compiled, { ...config, validation: { type: "none" } });
    try {
      const index = sample.index ?? 0;
      const batch = await pickSample(prepared, index);
      try {
        const { loss } = scoring(config, (prepared as { paddingClass?: number }).paddingClass);
        const x = Array.isArray(batch.x) ? batch.x : [batch.x];
        return stepThrough(compiled, x, [batch.y], loss, config, typed ? null : index);
      } finally {
        tf.dispose([batch.x, batch.y]);
      }
    } finally {
      prepared.dispose();
    }
  } finally {
    compiled.model.dispose();
  }
}

type Prepared = Awaited<ReturnType<typeof prepareDataset>>;

/** Sample `index` of the training part, as a batch of one. */
async function pickSample(prepared: Prepared, index: number): Promise<Batch> {
  if (index >= prepared.n) {
    throw new RunError(
      "E_STEP_SAMPLE",
      `sample ${index} does not exist: the training part holds ${prepared.n} samples (0 to ${prepared.n - 1})`,
    );
  }
  if ("train" in prepared) {
    // Streamed image folders: walk the first epoch's batches to the sample.
    let seen = 0;
    for await (const b of prepared.train(0)) {
      const n = (Array.isArray(b.x) ? b.x[0] : b.x).shape[0];
      if (index < seen + n) {
        const take = (t: tf.Tensor) => tf.slice(t, index - seen, 1);
        const out = { x: Array.isArray(b.x) ? b.x.map(take) : take(b.x), y: take(b.y) };
        tf.dispose([b.x, b.y]);
        return out;
      }
      seen += n;
      tf.dispose([b.x, b.y]);
    }
    throw new RunError("E_STEP_SAMPLE", `sample ${index} was not among the ${seen} streamed samples`);
  }
  const take = (t: tf.Tensor) => tf.slice(t, index, 1);
  return { x: Array.isArray(prepared.x) ? prepared.x.map(take) : take(prepared.x), y: take(prepared.y) };
}
