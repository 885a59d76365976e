import * as tf from "@tensorflow/tfjs";
import { GraphBuilder } from "../../../shared/ir/builder";
import type { LayerCase } from "../../../shared/layers/__fixtures__/case";
import { getSpec } from "../../../shared/layers/catalog";
import type { Shape } from "../../../shared/shapes/shape";

/**
 * Graphs and data for testing one layer kind alone from its catalog example rows: Inputs feeding
 * the node under test (id "under_test"), with concrete random data for forward and gradient checks.
 */
export const isGanMarker = (kind: string) => kind === "GANGenerator" || kind === "GANDiscriminator";

export const INT_INPUT_KINDS = new Set<string>(["Embedding"]);

export function caseGraph(kind: string, c: LayerCase) {
  const spec = getSpec(kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  const b = new GraphBuilder();
  if (kind === "Input") {
    // A model needs an output: a linear Activation passes the Input's tensor through unchanged.
    b.chain(b.add("Input", c.params, { id: "under_test" }), ["Activation", { activation: "linear" }]);
    return b.build();
  }
  if (kind === "GANGenerator" || kind === "GANDiscriminator") return ganCaseGraph(b, kind, c);
  const inputs = c.inputs.map((shape) =>
    b.add("Input", { shape, dtype: INT_INPUT_KINDS.has(kind) ? "int32" : "float32" }),
  );
  const node = b.add(kind, c.params, { id: "under_test" });
  const variadic = spec.inputs.find((p) => p.variadic);
  for (const [i, id] of inputs.entries()) b.connect(id, node, variadic ? variadic.name : spec.inputs[i].name);
  return b.build();
}

/**
 * A GAN marker is only valid as half of a pair (E_GAN_PAIR otherwise), so its row is completed with
 * the smallest other half: a one-unit Dense generator or a Flatten-Dense(1) discriminator.
 */
function ganCaseGraph(b: GraphBuilder, kind: "GANGenerator" | "GANDiscriminator", c: LayerCase) {
  const shape = c.inputs[0];
  if (kind === "GANGenerator") {
    b.connect(b.add("Input", { shape }), b.add("GANGenerator", c.params, { id: "under_test" }));
    const d = shape.length > 1 ? [["Flatten"] as [string]] : [];
    b.chain(b.add("Input", { shape }), ...d, ["Dense", { units: 1, activation: "sigmoid" }], ["GANDiscriminator"]);
  } else {
    b.connect(b.add("Input", { shape }), b.add("GANDiscriminator", c.params, { id: "under_test" }));
    b.chain(b.add("Input", { shape: [2] }), ["Dense", { units: shape[0] ?? 1 }], ["GANGenerator"]);
  }
  return b.build();
}

/**
 * Concrete shapes for the forward pass: an unknown dim takes the known size a sibling input has at
 * the same right-aligned position (merges need matching sizes), else 3.
 */
export function concreteShapes(shapes: Shape[]): number[][] {
  return shapes.map((shape) =>
    shape.map((d, i) => {
      if (d !== null) return d;
      const fromEnd = shape.length - i;
      const sibling = shapes.map((s) => s[s.length - fromEnd]).find((x) => typeof x === "number");
      return sibling ?? 3;
    }),
  );
}

/** A batch of 2 random samples; token ids stay inside the vocabulary. */
export function concreteInput(dims: number[], int: boolean, vocab: number): tf.Tensor {
  return int ? tf.randomUniform([2, ...dims], 0, vocab, "int32") : tf.randomNormal([2, ...dims]);
}
