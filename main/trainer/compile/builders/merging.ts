import * as tf from "@tensorflow/tfjs";
import { Subtract } from "../../layers/subtract";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/** Builders for the merge layers (shared/layers/merging.ts); none has weights. */
export const mergingBuilders = {
  Add: ({ inputs, name }) => applyLayer(tf.layers.add({ name }), inputs),
  // tfjs 4.22 has no Subtract layer; ports a, b arrive in that order.
  Subtract: ({ inputs, name }) => applyLayer(new Subtract({ name }), inputs),
  Multiply: ({ inputs, name }) => applyLayer(tf.layers.multiply({ name }), inputs),
  Average: ({ inputs, name }) => applyLayer(tf.layers.average({ name }), inputs),
  Maximum: ({ inputs, name }) => applyLayer(tf.layers.maximum({ name }), inputs),
  Minimum: ({ inputs, name }) => applyLayer(tf.layers.minimum({ name }), inputs),
  Concatenate: ({ params, inputs, name }) => {
    // Both count the batch as axis 0, as Keras does, but tfjs' backend concatenate() turns every
    // negative axis into the last one (tfjs_backend.js concatenate), so resolve it here.
    const rank = inputs[0].shape.length;
    const axis = params.axis < 0 ? rank + params.axis : params.axis;
    return applyLayer(tf.layers.concatenate({ axis, name }), inputs);
  },
  Dot: ({ params, inputs, name }) => {
    // tfjs' Dot.build indexes shapes with the axes as given, so a negative axis must be resolved
    // first (per input: [k] applies to both, [k_a, k_b] to each).
    const [ka, kb] = [params.axes[0] as number, (params.axes[1] ?? params.axes[0]) as number];
    const resolve = (axis: number, rank: number) => (axis < 0 ? rank + axis : axis);
    const axes: [number, number] = [resolve(ka, inputs[0].shape.length), resolve(kb, inputs[1].shape.length)];
    return applyLayer(tf.layers.dot({ axes, normalize: params.normalize, name }), inputs);
  },
} satisfies Partial<BuilderTable>;
