import * as tf from "@tensorflow/tfjs";
import { OVERFIT_TARGET_RATIO, type OverfitReport } from "../../../shared/trainer/checks";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";
import { trainStep } from "../train/step";
import { type CheckSubject, type TinyBatch, tinyBatch } from "./tiny-batch";

export const OVERFIT_DEFAULT_SAMPLES = 16;
export const OVERFIT_DEFAULT_STEPS = 500;
/** The loss is measured (inference mode) every this many steps, and kept for the curve. */
const EVERY = 10;

export interface OverfitOptions {
  samples?: number;
  maxSteps?: number;
}

/** Loss of the batch in inference mode: dropout and noise off, so a memorized batch reads near zero. */
function batchLoss(batch: TinyBatch): number {
  return tf.tidy(() => {
    const p = batch.compiled.model.apply(batch.x, { training: false }) as tf.Tensor | tf.Tensor[];
    const preds = Array.isArray(p) ? p : [p];
    return tf.addN(preds.map((q) => batch.score.loss(batch.y, q))).dataSync()[0];
  });
}

const fmt = (v: number) => (Math.abs(v) >= 0.01 || v === 0 ? v.toPrecision(3) : v.toExponential(2));

/**
 * Trains the batch's model with the project's optimizer and learning rate, the whole batch at each
 * step (in training mode, as training does), until the inference-mode loss is at most
 * OVERFIT_TARGET_RATIO of where it started or `maxSteps` are spent.
 */
export async function overfitBatch(batch: TinyBatch, maxSteps = OVERFIT_DEFAULT_STEPS): Promise<OverfitReport> {
  const { config } = batch;
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const startLoss = batchLoss(batch);
  const target = startLoss * OVERFIT_TARGET_RATIO;
  const curve = [{ step: 0, loss: startLoss }];
  let loss = startLoss;
  let steps = 0;
  try {
    while (steps < maxSteps && !(loss <= target)) {
      const r = trainStep(batch.compiled.model, optimizer, batch.x, batch.y, {
        loss: batch.score.loss,
        clipping: config.clipping,
      });
      steps++;
      if (!r.applied) {
        loss = Number.NaN;
        break;
      }
      if (steps % EVERY === 0 || steps === maxSteps) {
        loss = batchLoss(batch);
        curve.push({ step: steps, loss });
      }
      // Let other requests (stop, a predict) in between steps.
      if (steps % EVERY === 0) await new Promise((r) => setImmediate(r));
    }
  } finally {
    disposeOptimizer(optimizer);
  }
  const learned = loss <= target;
  const n = batch.n;
  const message = learned
    ? `learned the batch (loss ${fmt(startLoss)} -> ${fmt(loss)} in ${steps} steps)`
    : `could not overfit ${n} samples in ${steps} steps (loss ${fmt(startLoss)} -> ${fmt(loss)}, target ${fmt(target)}): ` +
      "this points to a bug in the model or the data (check that the labels match the inputs, the output " +
      "activation suits the loss, the learning rate is not zero or huge, and no layer blocks the gradient)";
  return { learned, samples: n, steps, maxSteps, startLoss, finalLoss: loss, curve, message };
}

/** The `overfit` request: a fresh copy of the project's model on a few of its training samples. */
export async function overfitProject(subject: CheckSubject, options: OverfitOptions = {}): Promise<OverfitReport> {
  const batch = await tinyBatch(subject, options.samples ?? OVERFIT_DEFAULT_SAMPLES);
  try {
    return await overfitBatch(batch, options.maxSteps);
  } finally {
    batch.dispose();
  }
}
