import * as tf from "@tensorflow/tfjs";

/**
 * Runs a compiled tfjs model eagerly, layer by layer, exactly as tfjs' own
 * Container.runInternalGraph does (same nodes by depth, same layer.call with the node's callArgs),
 * but keeping every layer's output and, for Dense and convolution layers, the pre-activation
 * (the layer called with its own activation swapped for linear, then that activation applied).
 * `tap` may return a replacement for each kept tensor: the step-through adds a zero variable there,
 * so one gradient tape yields dL/d(every intermediate) next to dL/d(every weight).
 */
export interface Recorded {
  layer: tf.layers.Layer;
  /** Pre-activation of a fused Dense/conv layer (net = x W + b), before its activation. */
  pre?: tf.Tensor;
  outputs: tf.Tensor[];
}

export type Tap = (key: string, t: tf.Tensor) => tf.Tensor;

interface Activation {
  apply(x: tf.Tensor): tf.Tensor;
  getClassName(): string;
}

interface InternalNode {
  outboundLayer: tf.layers.Layer;
  inputTensors: tf.SymbolicTensor[];
  outputTensors: tf.SymbolicTensor[];
  callArgs?: Record<string, unknown>;
}

interface InternalModel {
  nodesByDepth: Record<string, InternalNode[]>;
}

const FUSED = new Set(["Dense", "Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D"]);

let linearActivation: Activation | undefined;
/** tfjs' own identity activation, taken from a Dense made without one (its default). */
function linear(): Activation {
  linearActivation ??= (tf.layers.dense({ units: 1 }) as unknown as { activation: Activation }).activation;
  return linearActivation;
}

function callLayer(layer: tf.layers.Layer, input: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>, tap: Tap) {
  const withAct = layer as unknown as { activation?: Activation };
  const act = withAct.activation;
  if (!FUSED.has(layer.getClassName()) || !act || act.getClassName() === "linear") {
    return { outputs: list(layer.call(input, kwargs)) };
  }
  withAct.activation = linear();
  let pre: tf.Tensor;
  try {
    pre = tap(`${layer.name}:pre`, list(layer.call(input, kwargs))[0]);
  } finally {
    withAct.activation = act;
  }
  return { pre, outputs: [act.apply(pre)] };
}

const list = (t: tf.Tensor | tf.Tensor[]) => (Array.isArray(t) ? t : [t]);

export function runLayers(model: tf.LayersModel, inputs: tf.Tensor[], tap: Tap = (_, t) => t): Recorded[] {
  // tensor and mask per symbolic tensor id, as runInternalGraph keeps them
  const tensorMap = new Map<number, [tf.Tensor, tf.Tensor | null]>();
  for (const [i, x] of model.inputs.entries()) tensorMap.set(x.id, [inputs[i], null]);
  const byDepth = (model as unknown as InternalModel).nodesByDepth;
  const depths = Object.keys(byDepth)
    .map(Number)
    .sort((a, b) => b - a);
  const recorded: Recorded[] = [];
  for (const depth of depths) {
    for (const node of byDepth[depth]) {
      const layer = node.outboundLayer;
      const computed = node.inputTensors.map((x) => tensorMap.get(x.id));
      if (computed.some((t) => t === undefined) || model.inputLayers.includes(layer)) continue;
      const data = computed as [tf.Tensor, tf.Tensor | null][];
      const single = data.length === 1;
      const input = single ? data[0][0] : data.map((d) => d[0]);
      const masks = single ? data[0][1] : data.map((d) => d[1]);
      const kwargs: Record<string, unknown> = { ...(node.callArgs ?? {}), training: true };
      kwargs.mask ??= masks;
      const { pre, outputs } = callLayer(layer, input, kwargs, tap);
      const outMasks = list(layer.computeMask(input, masks as never) as tf.Tensor | tf.Tensor[]);
      const tapped = outputs.map((t, i) => tap(`${layer.name}:${i}`, t));
      for (const [i, x] of node.outputTensors.entries()) tensorMap.set(x.id, [tapped[i], outMasks[i] ?? null]);
      recorded.push({ layer, pre, outputs: tapped });
    }
  }
  return recorded;
}

/** The model's outputs from a recorded run, in the model's order. */
export function outputsOf(model: tf.LayersModel, recorded: Recorded[]): tf.Tensor[] {
  return model.outputs.map((o) => {
    const r = recorded.find((x) => x.layer === o.sourceLayer);
    if (!r) throw new Error(`the step-through did not compute the model output ${o.name}`);
    return r.outputs[o.tensorIndex ?? 0];
  });
}
