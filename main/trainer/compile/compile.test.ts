import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import type { LayerCase } from "../../../shared/layers/__fixtures__/case";
import { LAYER_CASES } from "../../../shared/layers/__fixtures__/cases";
import { getSpec, LAYER_KINDS, type LayerKind } from "../../../shared/layers/catalog";
import type { Shape } from "../../../shared/shapes/shape";
import { useBackend } from "../testing/tf-setup";
import { BUILDERS } from "./builders/index";
import { compileGraph } from "./compile";

/**
 * R10 for every layer kind: each example row of the catalog is compiled alone (Inputs -> layer),
 * tfjs' output shapes, weights and countParams() must equal shared inference (compileGraph checks
 * that), and a forward pass on concrete data must produce the inferred shape.
 */
const INT_INPUT_KINDS = new Set<string>(["Embedding"]);

export function caseGraph(kind: string, c: LayerCase) {
  const spec = getSpec(kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  const b = new GraphBuilder();
  if (kind === "Input") {
    // A model needs an output: a linear Activation passes the Input's tensor through unchanged.
    b.chain(b.add("Input", c.params, { id: "under_test" }), ["Activation", { activation: "linear" }]);
    return b.build();
  }
  const inputs = c.inputs.map((shape) =>
    b.add("Input", { shape, dtype: INT_INPUT_KINDS.has(kind) ? "int32" : "float32" }),
  );
  const node = b.add(kind, c.params, { id: "under_test" });
  const variadic = spec.inputs.find((p) => p.variadic);
  inputs.forEach((id, i) => b.connect(id, node, variadic ? variadic.name : spec.inputs[i].name));
  return b.build();
}

/** Unknown dims become 3 for the forward pass; token ids stay inside the vocabulary. */
function concreteInput(shape: Shape, int: boolean, vocab: number): tf.Tensor {
  const dims = [2, ...shape.map((d) => d ?? 3)];
  return int ? tf.randomUniform(dims, 0, vocab, "int32") : tf.randomNormal(dims);
}

const rows = LAYER_KINDS.filter((k) => BUILDERS[k]).flatMap((kind) =>
  LAYER_CASES[kind as LayerKind].map(
    (c, i) => [`${kind} #${i + 1} ${c.name ?? JSON.stringify(c.params)}`, kind, c] as const,
  ),
);

describe("tfjs agrees with shared inference on every example row", () => {
  beforeAll(() => useBackend("cpu"));

  it.each(rows)("%s", (_title, kind, c) => {
    const compiled = compileGraph(caseGraph(kind, c));
    const vocab = Number((c.params as { inputDim?: number }).inputDim ?? 10);
    const xs = c.inputs.map((s) => concreteInput(s, INT_INPUT_KINDS.has(kind), vocab));
    const y = compiled.model.predict(kind === "Input" ? concreteInput(c.outputs[0], false, 0) : xs) as
      | tf.Tensor
      | tf.Tensor[];
    const first = Array.isArray(y) ? y[0] : y;
    const expected = c.outputs[0];
    expect(first.shape.slice(1)).toEqual(expected.map((d, i) => d ?? first.shape[i + 1]));
    expect(first.shape.slice(1).every((d, i) => expected[i] === null || d === expected[i])).toBe(true);
    tf.dispose([xs, y]);
    compiled.model.dispose();
  });
});
