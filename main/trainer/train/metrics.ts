import * as tf from "@tensorflow/tfjs";
import {
  type AccuracyKind,
  accuracyKind,
  decisionThreshold,
  type LossConfig,
  type MetricName,
} from "../../../shared/training/config";

/**
 * Streaming metrics: each batch adds counts (a confusion matrix, error sums), and the values are
 * computed from the totals, so an epoch's accuracy is over all its samples, not a mean of batch
 * means. One small read per batch (a vector of counts); no tensor outlives update().
 *
 * Binary: a prediction is positive above the threshold (0.5 for probabilities, 0 for logits and
 * hinge scores), every output element counts (Keras' binary_accuracy). Categorical and sparse: the
 * class is the argmax; precision and recall are macro averages over the classes seen in the labels or
 * the predictions (scikit-learn's default label set, 0 for a class never predicted).
 */
export interface Counts {
  /** Per class: true positives, predicted count, actual count. Binary uses one class (positive). */
  tp: number[];
  predicted: number[];
  actual: number[];
  /** Samples (binary: output elements) and correct ones. */
  total: number;
  correct: number;
  /** Regression sums over every output element. */
  sumSquaredError: number;
  sumAbsoluteError: number;
  elements: number;
}

export function emptyCounts(classes = 1): Counts {
  const zeros = () => new Array<number>(classes).fill(0);
  return {
    tp: zeros(),
    predicted: zeros(),
    actual: zeros(),
    total: 0,
    correct: 0,
    sumSquaredError: 0,
    sumAbsoluteError: 0,
    elements: 0,
  };
}

export interface MetricOptions {
  kind: AccuracyKind;
  /** Binary only: positive prediction above `prediction`, positive label above `label`. */
  threshold: { prediction: number; label: number };
  /** Categorical and sparse: targets of this class (sequence padding) are not counted at all. */
  ignoreClass?: number;
}

export function metricOptions(loss: LossConfig): MetricOptions {
  return { kind: accuracyKind(loss), threshold: decisionThreshold(loss) };
}

/** Adds one batch's counts to `into` (resizing per-class arrays to the predictions' class count). */
export function accumulate(into: Counts, yTrue: tf.Tensor, yPred: tf.Tensor, o: MetricOptions): Counts {
  const classes = o.kind === "binary" ? 1 : (yPred.shape[yPred.shape.length - 1] as number);
  const stats = tf.tidy(() => {
    const pred = tf.cast(yPred, "float32");
    let truth: tf.Tensor;
    let predHot: tf.Tensor;
    let trueHot: tf.Tensor;
    if (o.kind === "binary") {
      truth = tf.cast(yTrue, "float32");
      predHot = tf.reshape(tf.cast(tf.greater(pred, o.threshold.prediction), "float32"), [-1, 1]);
      trueHot = tf.reshape(tf.cast(tf.greater(truth, o.threshold.label), "float32"), [-1, 1]);
    } else {
      const labels =
        o.kind === "sparse"
          ? tf.reshape(yTrue.rank === yPred.rank ? tf.squeeze(yTrue, [-1]) : yTrue, [-1])
          : tf.reshape(tf.argMax(yTrue, -1), [-1]);
      truth = o.kind === "sparse" ? tf.cast(tf.oneHot(tf.cast(labels, "int32"), classes), "float32") : yTrue;
      predHot = tf.cast(tf.oneHot(tf.reshape(tf.argMax(pred, -1), [-1]), classes), "float32");
      trueHot = tf.cast(tf.oneHot(tf.cast(labels, "int32"), classes), "float32");
      if (o.ignoreClass !== undefined) {
        const counted = tf.reshape(tf.cast(tf.notEqual(tf.cast(labels, "int32"), o.ignoreClass), "float32"), [-1, 1]);
        predHot = tf.mul(predHot, counted);
        trueHot = tf.mul(trueHot, counted);
      }
    }
    const err = tf.sub(pred, tf.reshape(tf.cast(truth, "float32"), pred.shape));
    const rowsCorrect =
      o.kind === "binary"
        ? tf.sum(tf.mul(predHot, trueHot)).add(tf.sum(tf.mul(tf.sub(1, predHot), tf.sub(1, trueHot))))
        : tf.sum(tf.mul(predHot, trueHot));
    return tf.concat([
      tf.sum(tf.mul(predHot, trueHot), 0),
      tf.sum(predHot, 0),
      tf.sum(trueHot, 0),
      tf.stack([rowsCorrect, tf.sum(tf.square(err)), tf.sum(tf.abs(err)), tf.sum(trueHot)]),
    ]);
  });
  const v = stats.dataSync();
  stats.dispose();
  if (into.tp.length < classes) {
    for (const key of ["tp", "predicted", "actual"] as const) {
      into[key] = [...into[key], ...new Array<number>(classes - into[key].length).fill(0)];
    }
  }
  for (let c = 0; c < classes; c++) {
    into.tp[c] += v[c];
    into.predicted[c] += v[classes + c];
    into.actual[c] += v[2 * classes + c];
  }
  // With padding ignored, each counted row has one true class: the true one-hots sum to the rows.
  const rows = o.ignoreClass === undefined ? yPred.size / classes : v[3 * classes + 3];
  into.total += o.kind === "binary" ? yPred.size : rows;
  into.correct += v[3 * classes];
  into.sumSquaredError += v[3 * classes + 1];
  into.sumAbsoluteError += v[3 * classes + 2];
  into.elements += yPred.size;
  return into;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function macro(c: Counts, per: (k: number) => number): number {
  const seen = c.tp.map((_, k) => k).filter((k) => c.predicted[k] + c.actual[k] > 0);
  return seen.length === 0 ? 0 : seen.reduce((s, k) => s + per(k), 0) / seen.length;
}

export function metricValue(name: MetricName, c: Counts, kind: AccuracyKind): number {
  switch (name) {
    case "accuracy":
      return ratio(c.correct, c.total);
    case "precision":
      return kind === "binary" ? ratio(c.tp[0], c.predicted[0]) : macro(c, (k) => ratio(c.tp[k], c.predicted[k]));
    case "recall":
      return kind === "binary" ? ratio(c.tp[0], c.actual[0]) : macro(c, (k) => ratio(c.tp[k], c.actual[k]));
    case "mse":
      return ratio(c.sumSquaredError, c.elements);
    case "mae":
      return ratio(c.sumAbsoluteError, c.elements);
  }
}

/** The configured metrics over a stream of batches: update() per batch, values() at any time, reset() per epoch. */
export class StreamingMetrics {
  private counts = emptyCounts();
  private readonly options: MetricOptions;

  constructor(
    readonly names: readonly MetricName[],
    loss: LossConfig,
    ignoreClass?: number,
  ) {
    this.options = { ...metricOptions(loss), ignoreClass };
  }

  update(yTrue: tf.Tensor, yPred: tf.Tensor): void {
    if (this.names.length > 0) accumulate(this.counts, yTrue, yPred, this.options);
  }

  values(): Record<string, number> {
    return Object.fromEntries(this.names.map((n) => [n, metricValue(n, this.counts, this.options.kind)]));
  }

  reset(): void {
    this.counts = emptyCounts();
  }
}
