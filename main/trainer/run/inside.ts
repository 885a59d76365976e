import * as tf from "@tensorflow/tfjs";
import type { FeatureMaps, InsideSample } from "../../../shared/evaluation/inside";
import { readPreprocessing } from "./evaluate-data";
import { encodeSample } from "./evaluate-encode";
import { encodeContext } from "./evaluate-encode-context";
import { type EvalModel, EvaluationError } from "./evaluate-model";
import { loadEvalSet } from "./evaluate-sources";
import { featureMaps, firstFilters } from "./inside-conv";

/**
 * "Inside the model" for one sample: a raw one through the try-it path (the run's saved
 * preprocessing), or one of the run's own validation samples (the training part when the run
 * kept none), as a batch of one; then every convolution's maps and the first one's filters.
 */
export async function insideModel(m: EvalModel, opts: InsideSample): Promise<FeatureMaps> {
  const model = m.compiled.model;
  if (model.inputs.length !== 1)
    throw new EvaluationError(
      "E_INSIDE_INPUT",
      `feature maps are shown for a model with one Input; this one has ${model.inputs.length}`,
    );
  if (opts.sample) {
    const ctx = encodeContext(m, await readPreprocessing(m.runDir));
    const e = await encodeSample(opts.sample, ctx);
    const dtype = model.inputs[0].dtype === "int32" ? "int32" : "float32";
    const x = tf.tensor(e.values, [1, ...e.shape], dtype);
    try {
      return { sample: { kind: "given" }, layers: featureMaps(model, x), filters: firstFilters(model) };
    } finally {
      x.dispose();
    }
  }
  const index = opts.index ?? 0;
  const { x, part, of } = await splitSample(m, index);
  try {
    return { sample: { kind: "split", part, index, of }, layers: featureMaps(model, x), filters: firstFilters(model) };
  } finally {
    x.dispose();
  }
}

/** The index-th sample of the run's validation part (else its training part) as a batch of one. */
async function splitSample(
  m: EvalModel,
  index: number,
): Promise<{ x: tf.Tensor; part: "validation" | "train"; of: number }> {
  const set = await loadEvalSet(m, { split: "validation" }).then(
    (s) => ({ s, part: "validation" as const }),
    async (error) => {
      if ((error as { code?: unknown }).code !== "E_EVAL_NO_SPLIT") throw error;
      return { s: await loadEvalSet(m, { split: "train" }), part: "train" as const };
    },
  );
  try {
    if (index >= set.s.n)
      throw new EvaluationError(
        "E_INSIDE_INDEX",
        `expected a sample position from 0 to ${set.s.n - 1} (the run's ${set.part === "train" ? "training" : "validation"} part has ${set.s.n} samples); received ${index}`,
      );
    let seen = 0;
    for await (const batch of set.s.batches(64)) {
      const xs = Array.isArray(batch.x) ? batch.x[0] : batch.x;
      const size = xs.shape[0];
      if (index < seen + size) {
        const x = xs.slice(index - seen, 1);
        disposeBatch(batch);
        return { x, part: set.part, of: set.s.n };
      }
      seen += size;
      disposeBatch(batch);
    }
    throw new EvaluationError("E_INSIDE_INDEX", `the run's data ended before sample ${index}`);
  } finally {
    set.s.dispose();
  }
}

function disposeBatch(batch: { x: tf.Tensor | tf.Tensor[]; y: tf.Tensor }): void {
  tf.dispose(batch.x);
  batch.y.dispose();
}
