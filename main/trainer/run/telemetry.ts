import * as tf from "@tensorflow/tfjs";
import type { LayerTelemetry, TelemetryConfig, TelemetryRecord } from "../../../shared/training/telemetry";
import type { LossFn } from "../train/losses";
import {
  deadFraction,
  deadWarning,
  gradientWarnings,
  histogram,
  histogramOfParts,
  l2Norm,
  type NormHistory,
} from "./telemetry-stats";

/** Rows of the sampled batch: enough for stable histograms, bounded for a huge batch size. */
export const TELEMETRY_SAMPLES = 256;

const list = <T>(t: T | T[]) => (Array.isArray(t) ? t : [t]);

/**
 * The model with every layer's output as an extra output: one forward pass yields all the
 * activations, and the weights are the model's own (a functional model shares its layers).
 */
export interface Probe {
  model: tf.LayersModel;
  layers: tf.layers.Layer[];
  /** Index in the probe's outputs of each of the model's outputs. */
  outputIndex: number[];
}

export function telemetryProbe(model: tf.LayersModel): Probe {
  const layers: tf.layers.Layer[] = [];
  const outputs: tf.SymbolicTensor[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === "InputLayer") continue;
    let out: tf.SymbolicTensor | tf.SymbolicTensor[];
    try {
      out = layer.output; // throws for a layer used at several places: it has no single output
    } catch {
      continue;
    }
    if (Array.isArray(out)) continue;
    layers.push(layer);
    outputs.push(out);
  }
  const outputIndex = model.outputs.map((o) => {
    const i = outputs.indexOf(o);
    if (i >= 0) return i;
    outputs.push(o);
    return outputs.length - 1;
  });
  return { model: tf.model({ inputs: model.inputs, outputs }), layers, outputIndex };
}

/** The first TELEMETRY_SAMPLES rows of a batch (copies the caller may dispose). */
export function sampleBatch(x: tf.Tensor | tf.Tensor[], rows = TELEMETRY_SAMPLES): tf.Tensor[] {
  return list(x).map((t) => (t.shape[0] > rows ? tf.slice(t, 0, rows) : tf.clone(t)));
}

const isRelu = (layer: tf.layers.Layer) =>
  layer.getClassName() === "ReLU" || (layer.getConfig() as { activation?: unknown }).activation === "relu";

/**
 * One record: weights after the epoch, then a forward and backward pass on the sampled batch in
 * inference mode (training mode would draw dropout masks from the run's seeded random stream and
 * move batch-norm statistics: recording must not change the run it observes).
 * `history` holds each layer's previous gradient norm for the growth warning; it is updated.
 */
export function recordTelemetry(
  probe: Probe,
  xs: tf.Tensor[],
  ys: tf.Tensor[],
  loss: LossFn,
  epoch: number,
  history: Map<string, NormHistory>,
  config: TelemetryConfig,
): TelemetryRecord {
  const variables = probe.layers.flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  let activations: tf.Tensor[] = [];
  const { value, grads } = tf.variableGrads(() => {
    const outputs = list(
      probe.model.apply(xs.length === 1 ? xs[0] : xs, { training: false }) as tf.Tensor | tf.Tensor[],
    );
    activations = outputs.map((t) => tf.keep(t));
    // The penalties layers register (regularizers, a VAE's KL) as the training step adds them: without
    // them a weight only they reach (the VAE's log-variance) would get no gradient at all.
    const terms = [...probe.outputIndex.map((o, i) => loss(ys[i], outputs[o])), ...probe.model.calculateLosses()];
    return tf.addN(terms) as tf.Scalar;
  }, variables);
  try {
    const layers = probe.layers.map((layer, i): LayerTelemetry => {
      const values = activations[i].dataSync() as Float32Array;
      const weights = layer.weights.map((w) => w.read().dataSync() as Float32Array);
      // A weight the loss does not reach has no entry: its gradient is zero.
      const gradients = layer.trainableWeights.map(
        (w) => (grads[(w.read() as tf.Variable).name]?.dataSync() as Float32Array) ?? new Float32Array(w.read().size),
      );
      const units = activations[i].shape[activations[i].shape.length - 1] ?? 1;
      const dead = isRelu(layer) ? deadFraction(values, units) : null;
      const record: LayerTelemetry = {
        name: layer.name,
        className: layer.getClassName(),
        weights: weights.length ? histogramOfParts(weights) : null,
        activations: histogram(values),
        gradients: gradients.length ? histogramOfParts(gradients) : null,
        gradNorm: gradients.length ? l2Norm(gradients) : null,
        weightNorm: weights.length ? l2Norm(weights) : null,
        deadFraction: dead,
        warnings: dead === null ? [] : deadWarning(layer.name, dead),
      };
      if (record.gradNorm !== null) {
        const now = { epoch, gradNorm: record.gradNorm, weightNorm: record.weightNorm ?? 0 };
        record.warnings.unshift(...gradientWarnings(layer.name, now, history.get(layer.name), config.explodingNorm));
        history.set(layer.name, now);
      }
      return record;
    });
    return { epoch, samples: xs[0]?.shape[0] ?? 0, layers };
  } finally {
    tf.dispose([value, ...Object.values(grads), ...activations]);
  }
}
