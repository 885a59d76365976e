import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYER_CASES } from "../../../shared/layers/__fixtures__/cases";
import { LAYER_KINDS, type LayerKind } from "../../../shared/layers/catalog";
import { caseGraph, concreteInput, concreteShapes, INT_INPUT_KINDS, isGanMarker } from "../testing/case-graph";
import { describeFailures, distinctValues, gradCheck, modelLike } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { BUILDERS } from "./builders/index";
import { compileGraph } from "./compile";

/**
 * No layer trains on a wrong gradient: for every kind, its first example rows are compiled alone and
 * the gradient of sum(output * R) with respect to the inputs and every trainable weight is compared
 * with central finite differences, on both backends. This covers every op the catalog's builders
 * and custom layers use, with the kernel patches installed.
 */
const PIECEWISE = /MaxPooling|ReLU|ELU|Activation/;
const ROWS_PER_KIND = 2;
/** Large blocks get fewer perturbed elements per weight tensor (each costs two forward passes). */
const BIG = /Transformer|MultiHeadAttention|Bidirectional|SeparableConv|TiledConv/;
/**
 * Kinks (ReLU in an activation param or a Transformer's feed-forward) make finite differences
 * straddle a corner somewhere in a large sum; the activation's own gradient is checked on its own
 * rows with kink-free inputs, so here kinked activations are swapped for smooth ones.
 */
function smooth(kind: string, params: Record<string, unknown>): Record<string, unknown> {
  if (typeof params.activation !== "string")
    return kind.startsWith("Transformer") ? { ...params, activation: "gelu" } : params;
  if (kind === "Activation") return params;
  if (kind.startsWith("Transformer")) return { ...params, activation: "gelu" };
  return /relu|elu|step|hardSigmoid/i.test(params.activation) ? { ...params, activation: "tanh" } : params;
}

/** Kinds whose gradient is checked elsewhere, with the reason. */
const CHECKED_ELSEWHERE: Partial<Record<LayerKind, string>> = {
  Input: "no computation",
  Perceptron: "trained by the perceptron rule; its step has a zero gradient by design (layers/perceptron.test.ts)",
  VAESampling:
    "at inference z = mean, independent of logVar; the sampling path and the KL gradient are checked in layers/vae-sampling.test.ts",
};

const rows = LAYER_KINDS.filter((k) => BUILDERS[k] && !CHECKED_ELSEWHERE[k]).flatMap((kind) =>
  LAYER_CASES[kind as LayerKind]
    .slice(0, BIG.test(kind) ? 1 : ROWS_PER_KIND)
    .map((c, i) => [`${kind} #${i + 1}`, kind, c] as const),
);

describe.each(["cpu", "wasm"] as const)("gradients on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(rows)("%s matches finite differences", (_title, kind, c) => {
    const row = { ...c, params: smooth(kind, c.params) };
    const compiled = compileGraph(caseGraph(kind, row), isGanMarker(kind) ? { outputs: ["under_test"] } : {});
    const shapes = concreteShapes(c.inputs).map((s) => [2, ...s]);
    const intInputs = INT_INPUT_KINDS.has(kind);
    const vocab = Number((c.params as { inputDim?: number }).inputDim ?? 10);
    // Integer token ids have no gradient: feed fixed ids and differentiate the weights only.
    const ids = intInputs ? shapes.map((s) => concreteInput(s.slice(1), true, vocab)) : [];
    const op = modelLike(compiled.model);
    const report = gradCheck({
      name: `${kind} on ${backend}`,
      inputs: intInputs ? [] : shapes,
      build: () => (intInputs ? { ...op, fn: () => op.fn(ids) } : op),
      // Well-separated values keep max/ReLU-like kinks out of the finite-difference window.
      values: PIECEWISE.test(kind) ? distinctValues(-1.37, 0.061) : undefined,
      maxChecks: BIG.test(kind) ? 4 : 12,
    });
    tf.dispose(ids);
    expect(report.failures, describeFailures(report)).toEqual([]);
    expect(report.checked).toBeGreaterThan(0);
  });
});
