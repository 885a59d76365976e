import * as tf from "@tensorflow/tfjs";
import type { Prediction, PredictionResult } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import { readPreprocessing } from "./evaluate-data";
import { type Encoded, encodeSample } from "./evaluate-encode";
import { encodeContext } from "./evaluate-encode-context";
import { type EvalModel, EvaluationError } from "./evaluate-model";
import { toProbabilities } from "./evaluate-outputs";
import { detectTask } from "./evaluate-task";

/**
 * The try-it panel's and `netforge predict`'s one prediction path: raw samples (a table row by
 * column name, an image file or raw pixels, a text, a window of series steps, or numbers) through
 * the run's saved preprocessing, answered with the class and every class's probability for
 * classifiers (both classes for binary), a series forecast per horizon step in the target's units,
 * a table regression in the label's units, the output values otherwise.
 */
export async function predictSamples(m: EvalModel, samples: RawSample[]): Promise<PredictionResult> {
  const model = m.compiled.model;
  if (model.inputs.length !== 1)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `try-it feeds a model with one Input; this one has ${model.inputs.length} (send model-shaped samples as x instead)`,
    );
  return predictWith(
    {
      compiled: m.compiled,
      config: m.config,
      gan: m.gan,
      runData: m.runData,
      preprocessing: await readPreprocessing(m.runDir),
    },
    samples,
  );
}

/** What the try-it path needs of a model: its data and saved preprocessing, without a run folder. */
export interface PredictContext extends Pick<EvalModel, "compiled" | "config" | "gan" | "runData"> {
  preprocessing: Record<string, unknown> | null;
}

/**
 * The try-it answer on raw samples: encoded as in training, predicted, turned into probabilities
 * and a class (or values). The export's raw check (main/trainer/export) answers through it too.
 */
export async function predictWith(c: PredictContext, samples: RawSample[]): Promise<PredictionResult> {
  const model = c.compiled.model;
  const preprocessing = c.preprocessing;
  const ctx = encodeContext(c, preprocessing);
  const outputShape = model.outputs[0].shape.slice(1);
  const { task } = detectTask(c.config, {
    gan: c.gan,
    inputs: 1,
    outputs: model.outputs.length,
    outputShape,
    targetsAreInputs: false,
    zeroOneTargets: true,
    sequence: false,
  });
  const int = model.inputs[0].dtype === "int32";
  const predictions: Prediction[] = [];
  const warnings: string[][] = [];
  let classes = 0;
  const encoded: Encoded[] = [];
  for (const sample of samples) encoded.push(await encodeSample(sample, ctx));
  const outs = predictEncoded(model, encoded, int ? "int32" : "float32", c.config);
  for (const [i, e] of encoded.entries()) {
    warnings.push(e.warnings);
    const out = outs[i];
    if (task === "binary") {
      const p = out.values[0];
      predictions.push(classOf([1 - p, p]));
      classes = 2;
    } else if (task === "classification") {
      predictions.push(classOf(out.values));
      classes = out.values.length;
    } else if (e.answer) {
      const values = e.answer.decode(out.values);
      predictions.push({ kind: "values", shape: [values.length], values, names: e.answer.names });
    } else predictions.push({ kind: "values", shape: out.shape, values: out.values });
  }
  const known = (preprocessing?.classNames as string[] | undefined) ?? sourceClassNames(c);
  const classNames = classes > 0 ? Array.from({ length: classes }, (_, c) => known?.[c] ?? String(c)) : null;
  return {
    classNames,
    predictions: predictions.map((p) =>
      p.kind === "class" ? { ...p, className: classNames?.[p.classId] ?? String(p.classId) } : p,
    ),
    warnings,
  };
}

/**
 * The model's probabilities (or values) per encoded sample: samples of one shape go through the
 * model as one batch (an export's raw check answers dozens at once), others one by one.
 */
function predictEncoded(
  model: tf.LayersModel,
  encoded: readonly Encoded[],
  dtype: "int32" | "float32",
  config: PredictContext["config"],
): { shape: number[]; values: number[] }[] {
  const shape = encoded[0]?.shape ?? [];
  const same = encoded.every((e) => e.shape.join() === shape.join());
  const groups = same ? [encoded] : encoded.map((e) => [e]);
  return groups.flatMap((group) =>
    tf.tidy(() => {
      const size = group[0].values.length;
      const flat = dtype === "int32" ? new Int32Array(size * group.length) : new Float32Array(size * group.length);
      for (const [k, e] of group.entries()) flat.set(e.values, k * size);
      const x = tf.tensor(flat, [group.length, ...group[0].shape], dtype);
      const p = toProbabilities(model.predict(x, { batchSize: 256 }) as tf.Tensor, config);
      const per = p.size / group.length;
      const all = p.dataSync();
      return group.map((_, k) => ({
        shape: p.shape.slice(1),
        values: Array.from(all.subarray(k * per, (k + 1) * per)),
      }));
    }),
  );
}

/** The class of the largest probability, the first on ties (as the exported file's ArgMax decides). */
export function classOf(probabilities: number[]): Extract<Prediction, { kind: "class" }> {
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  return { kind: "class", classId: best, className: String(best), confidence: probabilities[best], probabilities };
}

/** Class names the run's data declares itself (inline samples, IDX and npy sources); tables and text save theirs. */
function sourceClassNames(m: Pick<EvalModel, "runData">): string[] | undefined {
  const data = m.runData;
  if (!data) return undefined;
  const source = "kind" in data ? data : data.source;
  return "classNames" in source ? source.classNames : undefined;
}
