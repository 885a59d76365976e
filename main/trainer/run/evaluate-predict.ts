import * as tf from "@tensorflow/tfjs";
import type { Prediction, PredictionResult } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { readPreprocessing } from "./evaluate-data";
import { type EncodeContext, encodeSample } from "./evaluate-encode";
import { type EvalModel, EvaluationError } from "./evaluate-model";
import { toProbabilities } from "./evaluate-outputs";
import { detectTask } from "./evaluate-task";

/**
 * The try-it panel's `predict`: raw samples (a table row by column name, an image, a text, or
 * numbers) through the run's saved preprocessing, answered with the class and every class's
 * probability for classifiers, the output values otherwise.
 */
export async function predictSamples(m: EvalModel, samples: RawSample[]): Promise<PredictionResult> {
  const model = m.compiled.model;
  if (model.inputs.length !== 1)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `try-it feeds a model with one Input; this one has ${model.inputs.length} (send model-shaped samples as x instead)`,
    );
  const source = m.runData && !("kind" in m.runData) ? m.runData.source : null;
  return predictWith(
    {
      compiled: m.compiled,
      config: m.config,
      gan: m.gan,
      preprocessing: await readPreprocessing(m.runDir),
      resize: source?.kind === "imageFolder" ? source.resize : "stretch",
      classNames: inlineClassNames(m),
    },
    samples,
  );
}

/** What the try-it path needs of a model: the run's preprocessing and class names, without its folder. */
export interface PredictContext {
  compiled: Compiled;
  config: TrainingConfig;
  gan: boolean;
  preprocessing: Record<string, unknown> | null;
  resize: EncodeContext["resize"];
  /** Class names when the preprocessing has none (inline data's own). */
  classNames?: string[];
}

/**
 * The try-it answer on raw samples: encoded as in training, predicted, turned into probabilities
 * and a class (or values). The export's raw check (main/trainer/export) answers through it too.
 */
export async function predictWith(c: PredictContext, samples: RawSample[]): Promise<PredictionResult> {
  const model = c.compiled.model;
  const preprocessing = c.preprocessing;
  const ctx = { inputShape: model.inputs[0].shape.slice(1), preprocessing, resize: c.resize };
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
    } else predictions.push({ kind: "values", shape: out.shape, values: out.values });
  }
  const known = (preprocessing?.classNames as string[] | undefined) ?? c.classNames;
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

function inlineClassNames(m: EvalModel): string[] | undefined {
  const data = m.runData;
  if (!data) return undefined;
  const inline = "kind" in data ? data : data.source.kind === "inline" ? data.source : null;
  return inline?.classNames;
}
