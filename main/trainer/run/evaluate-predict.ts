import * as tf from "@tensorflow/tfjs";
import type { Prediction, PredictionResult } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import { readPreprocessing } from "./evaluate-data";
import { encodeSample } from "./evaluate-encode";
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
  for (const sample of samples) {
    const e = await encodeSample(sample, ctx);
    warnings.push(e.warnings);
    const out = tf.tidy(() => {
      const x = tf.tensor(e.values, [1, ...e.shape], int ? "int32" : "float32");
      const p = toProbabilities(model.predict(x) as tf.Tensor, c.config);
      return { shape: p.shape.slice(1), values: Array.from(p.dataSync()) };
    });
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

function classOf(probabilities: number[]): Prediction {
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
