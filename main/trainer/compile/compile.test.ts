import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYER_CASES } from "../../../shared/layers/__fixtures__/cases";
import { LAYER_KINDS, type LayerKind } from "../../../shared/layers/catalog";
import { caseGraph, concreteInput, concreteShapes, INT_INPUT_KINDS, isGanMarker } from "../testing/case-graph";
import { useBackend } from "../testing/tf-setup";
import { BUILDERS } from "./builders/index";
import { compileGraph } from "./compile";

/**
 * R10 for every layer kind: each example row of the catalog is compiled alone (Inputs -> layer),
 * tfjs' output shapes, weights and countParams() must equal shared inference (compileGraph checks
 * that), and a forward pass on concrete data must produce the inferred shape.
 */
const rows = LAYER_KINDS.filter((k) => BUILDERS[k]).flatMap((kind) =>
  LAYER_CASES[kind as LayerKind].map(
    (c, i) => [`${kind} #${i + 1} ${c.name ?? JSON.stringify(c.params)}`, kind, c] as const,
  ),
);

describe("tfjs agrees with shared inference on every example row", () => {
  beforeAll(() => useBackend("cpu"));

  it.each(rows)("%s", (_title, kind, c) => {
    const compiled = compileGraph(caseGraph(kind, c), isGanMarker(kind) ? { outputs: ["under_test"] } : {});
    const vocab = Number((c.params as { inputDim?: number }).inputDim ?? 10);
    const xs = concreteShapes(c.inputs).map((s) => concreteInput(s, INT_INPUT_KINDS.has(kind), vocab));
    const y = compiled.model.predict(kind === "Input" ? concreteInput(concreteShapes(c.outputs)[0], false, 0) : xs) as
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
