import * as tf from "@tensorflow/tfjs";
import { mulberry32 } from "../../../shared/random";
import {
  GRADCHECK_PASS,
  GRADCHECK_SUSPICIOUS,
  type GradCheckReport,
  type GradTensorReport,
  type GradVerdict,
} from "../../../shared/trainer/checks";
import type { Compiled } from "../compile/compile";
import { loadModel } from "../run/checkpoint";
import { gradCheck, normalValues } from "./gradcheck";
import { type CheckSubject, type TinyBatch, tinyBatch } from "./tiny-batch";

/** Entries perturbed per weight tensor at most (a seeded sample): two forward passes each. */
const MAX_CHECKS = 24;
/**
 * A float32 loss carries a relative rounding error of a few ulps (~2e-7), so the difference
 * quotient is off by about |L| x 2e-7 / e; to hold a relative error of 1e-2, gradients are compared
 * against at least 100 times that.
 */
const LOSS_ROUNDING = 2e-5;
const MIN_EPS = 1e-3;
/**
 * Entries off at step e are checked again at e / RETRY: a ReLU kink within +-e of the weight no
 * longer lies in the smaller interval, a wrong gradient is as wrong at any step.
 */
const RETRY = 8;
/** Tensors that start at zero (biases) get values of this size first: see jitterZeros. */
const JITTER = 0.05;

const METHOD =
  "backprop gradient of the loss (inference mode: dropout and noise off, batch norm on its moving statistics; " +
  "regularization included) against central differences (L(w+e) - L(w-e)) / 2e, one weight tensor at a time, " +
  "on a fresh copy whose all-zero tensors (biases) get small random values; e = max(1e-3, 1e-2 x the tensor's RMS); " +
  `float32 rounds the loss, so gradients below |L| x ${LOSS_ROUNDING} / e are compared against that floor; ` +
  `a tensor not passing is rechecked at e/${RETRY} (a ReLU kink inside +-e), each entry keeping the better; ` +
  `at most ${MAX_CHECKS} seeded entries per tensor. Relative error |a-n| / max(|a|, |n|, floor): ` +
  `pass <= ${GRADCHECK_PASS}, suspicious <= ${GRADCHECK_SUSPICIOUS} (or one entry above: a ReLU kink), fail above.`;

/** Each trainable weight with the graph node whose layer owns it. */
function weightsByNode(compiled: Compiled): { node: string; weight: tf.LayerVariable }[] {
  const out: { node: string; weight: tf.LayerVariable }[] = [];
  const seen = new Set<tf.LayerVariable>();
  for (const [node, layers] of compiled.layersByNode)
    for (const layer of layers)
      for (const weight of layer.trainableWeights)
        if (!seen.has(weight)) {
          seen.add(weight);
          out.push({ node, weight });
        }
  return out;
}

/** The scalar the check differentiates: the training loss in inference mode, penalties included. */
function lossOf(batch: TinyBatch): tf.Scalar {
  const { model } = batch.compiled;
  const p = model.apply(batch.x, { training: false }) as tf.Tensor | tf.Tensor[];
  const preds = Array.isArray(p) ? p : [p];
  const data = tf.addN(preds.map((q) => batch.score.loss(batch.y, q)));
  const penalties = model.calculateLosses();
  return (penalties.length ? tf.add(data, tf.addN(penalties)) : data) as tf.Scalar;
}

export function verdictOf(relErrors: number[]): GradVerdict {
  const worst = Math.max(0, ...relErrors);
  if (worst <= GRADCHECK_PASS) return "pass";
  const bad = relErrors.filter((e) => e > GRADCHECK_SUSPICIOUS).length;
  return bad > 1 ? "fail" : "suspicious";
}

/**
 * A fresh model's zero biases put every ReLU whose input patch is zero (an image's blank border)
 * exactly on its kink, where the finite difference averages the two slopes and backprop takes one:
 * such tensors of the check's own copy are set to small seeded values first.
 */
function jitterZeros(compiled: Compiled, seed: number): void {
  const rng = mulberry32(seed);
  for (const { weight } of weightsByNode(compiled)) {
    const v = weight.read();
    const allZero = tf.tidy(() => tf.max(tf.abs(v)).dataSync()[0] === 0);
    if (allZero)
      weight.write(
        tf.tensor(
          normalValues(v.shape, rng).map((x) => x * JITTER),
          v.shape,
        ),
      );
  }
}

const elementwiseMin = (a: number[], b: number[]) => a.map((v, k) => Math.min(v, b[k] ?? v));

const rank: Record<GradVerdict, number> = { pass: 0, suspicious: 1, fail: 2 };

/** Gradient check of a batch's model, every trainable weight tensor in turn. */
export function checkModelGradients(batch: TinyBatch, seed = 1, trained = false): GradCheckReport {
  if (!trained) jitterZeros(batch.compiled, seed);
  const loss = tf.tidy(() => lossOf(batch).dataSync()[0]);
  if (!Number.isFinite(loss))
    throw Object.assign(new Error(`the loss of the model on ${batch.n} samples is ${loss}: nothing to check`), {
      code: "E_GRADCHECK",
    });
  const tensors: GradTensorReport[] = weightsByNode(batch.compiled).map(({ node, weight }, i) => {
    const variable = weight.read() as tf.Variable;
    const rms = tf.tidy(() => Math.sqrt(tf.mean(tf.square(variable)).dataSync()[0]));
    const epsilon = Math.max(MIN_EPS, 1e-2 * rms);
    const check = (eps: number) =>
      gradCheck({
        name: `${node}/${weight.originalName}`,
        inputs: [],
        build: () => ({ fn: () => lossOf(batch), weights: [variable] }),
        eps,
        atol: Math.max((Math.abs(loss) * LOSS_ROUNDING) / eps, 1e-7),
        rtol: GRADCHECK_PASS,
        maxChecks: MAX_CHECKS,
        seed: seed + i,
        unweighted: true,
      });
    const r = check(epsilon);
    // The same seed picks the same entries: each keeps its better agreement of the two steps.
    const errors =
      verdictOf(r.relErrors) === "pass" ? r.relErrors : elementwiseMin(r.relErrors, check(epsilon / RETRY).relErrors);
    return {
      node,
      weight: weight.originalName.split("/").pop() ?? weight.originalName,
      shape: variable.shape,
      checked: r.checked,
      epsilon,
      maxRelError: Math.max(0, ...errors),
      maxGradient: r.maxNumeric,
      verdict: verdictOf(errors),
    };
  });
  const verdict = tensors.reduce<GradVerdict>((v, t) => (rank[t.verdict] > rank[v] ? t.verdict : v), "pass");
  return { verdict, samples: batch.n, weights: trained ? "trained" : "fresh", loss, tensors, method: METHOD };
}

/**
 * The `gradcheck` request: a copy of the project's model on a few of its samples, with fresh
 * weights, or with a run's trained ones (`modelDir`, a saved checkpoint of the same graph).
 */
export async function gradCheckProject(
  subject: CheckSubject,
  samples = 4,
  modelDir?: string,
): Promise<GradCheckReport> {
  const batch = await tinyBatch(subject, samples);
  try {
    if (modelDir) {
      const saved = await loadModel(modelDir);
      try {
        batch.compiled.model.setWeights(saved.getWeights());
      } catch (error) {
        throw Object.assign(
          new Error(
            `the run's saved model does not fit the project's graph (was the graph edited after the run?): ${(error as Error).message}`,
          ),
          { code: "E_GRADCHECK" },
        );
      } finally {
        saved.dispose();
      }
    }
    return checkModelGradients(batch, 1, modelDir !== undefined);
  } finally {
    batch.dispose();
  }
}
