import * as tf from "@tensorflow/tfjs";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/** Builders for Reshape, Permute and RepeatVector (shared/layers/reshaping.ts). */
export const reshapingBuilders = {
  Reshape: ({ node, inputs, name }) => {
    // tfjs 4.22 leaves a -1 unresolved in its symbolic shape, so pass the spec's resolved shape;
    // only a dimension the spec cannot know (an unknown input size) stays -1 for run time.
    const resolved = (node.outputShapes?.[0] ?? []).map((d) => d ?? -1);
    return applyLayer(tf.layers.reshape({ targetShape: resolved, name }), inputs);
  },
  Permute: ({ params, inputs, name }) => applyLayer(tf.layers.permute({ dims: params.dims as number[], name }), inputs),
  RepeatVector: ({ params, inputs, name }) => applyLayer(tf.layers.repeatVector({ n: params.n, name }), inputs),
} satisfies Partial<BuilderTable>;
