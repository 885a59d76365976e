import { beforeAll, describe, expect, it } from "vitest";
import { LAYER_CASES } from "../../../shared/layers/__fixtures__/cases";
import { caseGraph, concreteShapes } from "../testing/case-graph";
import { describeFailures, gradCheck, modelLike } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { compileGraph } from "./compile";

/**
 * layer-gradients.test.ts checks each kind's first rows, which start from zero states; these are
 * the recurrent rows with initial-state inputs. The gradient with respect to h_0 (and c_0) is what
 * trains a seq2seq encoder through its decoder, so it is checked with the weights'.
 */
const rows = (["SimpleRNN", "LSTM", "GRU"] as const).flatMap((kind) =>
  LAYER_CASES[kind].filter((c) => c.inputs.length > 1).map((c) => [`${kind}: ${c.name}`, kind, c] as const),
);

describe.each(["cpu", "wasm"] as const)("initial-state gradients on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("covers every kind", () => {
    expect(new Set(rows.map((r) => r[1])).size).toBe(3);
  });

  it.each(rows)("%s matches finite differences", (_title, kind, c) => {
    const compiled = compileGraph(caseGraph(kind, c));
    const report = gradCheck({
      name: `${kind} on ${backend}`,
      inputs: concreteShapes(c.inputs).map((s) => [2, ...s]),
      build: () => modelLike(compiled.model),
      maxChecks: 12,
    });
    expect(report.failures, describeFailures(report)).toEqual([]);
    // Every input is checked, the initial states included.
    expect(report.checked).toBeGreaterThan(0);
  });
});
