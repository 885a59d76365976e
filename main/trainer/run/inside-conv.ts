import * as tf from "@tensorflow/tfjs";
import { type FeatureMapLayer, type Filters, INSIDE_MAX_CHANNELS } from "../../../shared/evaluation/inside";

/** Convolutions whose outputs are maps: 2-D ([h, w, c]) and 1-D ([steps, c]) ones, transposed and separable included. */
const CONV = /^(Conv1D|Conv2D|Conv2DTranspose|SeparableConv2D|DepthwiseConv2D)$/;

/** The model's convolutional layers in graph order (the top level: a nested model's layers are inside it). */
export function convLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => CONV.test(l.getClassName()));
}

/**
 * One sample's activation maps in every convolutional layer: a sub-model of the trained model
 * (same layers, same weights) whose outputs are those layers' outputs, run on `x` (a batch of one).
 */
export function featureMaps(model: tf.LayersModel, x: tf.Tensor): FeatureMapLayer[] {
  const layers = convLayers(model);
  if (layers.length === 0) return [];
  const sub = tf.model({ inputs: model.inputs, outputs: layers.map((l) => l.output as tf.SymbolicTensor) });
  const out = sub.predict(x);
  const outs = Array.isArray(out) ? out : [out];
  try {
    return layers.map((l, k) => mapsOf(l, outs[k]));
  } finally {
    tf.dispose(outs);
  }
}

function mapsOf(layer: tf.layers.Layer, out: tf.Tensor): FeatureMapLayer {
  const dims = out.shape.slice(1);
  const [h, w, c] = dims.length === 2 ? [1, dims[0], dims[1]] : dims;
  const shown = Math.min(c, INSIDE_MAX_CHANNELS);
  const values = finite(() => out.slice(0, 1).reshape([h, w, c]).slice([0, 0, 0], [h, w, shown]));
  return { name: layer.name, className: layer.getClassName(), shape: [h, w, c], channels: c, values };
}

/**
 * The first convolution's kernel as it is in the model: [kh, kw, in, filters] (a Conv1D's
 * [k, in, filters] with height 1); null without a convolution. Depthwise kernels hold one filter
 * per input channel and multiplier: they are shown as [kh, kw, 1, in x multiplier].
 */
export function firstFilters(model: tf.LayersModel): Filters | null {
  const layer = convLayers(model)[0];
  if (!layer) return null;
  const kernel = layer.getWeights()[0];
  if (!kernel) return null;
  const k = kernel.shape as number[];
  const [kh, kw, inC, outC] =
    k.length === 3
      ? [1, k[0], k[1], k[2]]
      : layer.getClassName() === "DepthwiseConv2D"
        ? [k[0], k[1], 1, k[2] * k[3]]
        : [k[0], k[1], k[2], k[3]];
  const shown = Math.min(outC, INSIDE_MAX_CHANNELS);
  const values = finite(() => kernel.reshape([kh, kw, inC, outC]).slice([0, 0, 0, 0], [kh, kw, inC, shown]));
  return { layer: layer.name, shape: [kh, kw, inC, outC], values };
}

/** Values for JSON: NaN and the infinities (a diverged model's) become null, which JSON can carry. */
function finite(make: () => tf.Tensor): (number | null)[] {
  const t = tf.tidy(make);
  try {
    return Array.from(t.dataSync(), (v) => (Number.isFinite(v) ? v : null));
  } finally {
    t.dispose();
  }
}
