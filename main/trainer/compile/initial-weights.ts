import * as tf from "@tensorflow/tfjs";
import type { Graph } from "../../../shared/ir/graph";
import type { GraphAnalysis } from "../../../shared/shapes/infer";

/**
 * Writes each node's hand-set `initialWeights` (a teaching example's w1..w8) over what the
 * initializers drew. Shared inference has already checked each name and length (E_WEIGHTS_SHAPE),
 * and verify.ts that the node's tfjs weights follow its spec's order, so spec weight i is tfjs
 * weight i. Without this the trainer silently started from random weights instead.
 */
export function applyInitialWeights(
  graph: Graph,
  analysis: GraphAnalysis,
  layersByNode: Map<string, tf.layers.Layer[]>,
): void {
  for (const node of graph.nodes) {
    const given = node.initialWeights;
    const layers = layersByNode.get(node.id);
    if (!given || !layers) continue;
    const id = node.id;
    const variables = layers.flatMap((l) => l.weights);
    analysis.nodes[id].weights.forEach((spec, i) => {
      const values = given[spec.name];
      if (!values) return;
      const v = variables[i];
      // write() assigns the data (reference-counted); the tensor made for it is freed here.
      tf.tidy(() => {
        v.write(tf.tensor(values, v.shape as number[], v.dtype));
      });
    });
  }
}
