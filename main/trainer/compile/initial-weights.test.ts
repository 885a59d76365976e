import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { useBackend } from "../testing/tf-setup";
import { compileGraph } from "./compile";

/** Hand-set starting weights reach the tfjs model that trains (they were once checked, then ignored). */
describe("initialWeights", () => {
  beforeAll(() => useBackend("cpu"));

  it("are the compiled model's weights, row-major, each by its spec name; other weights keep their initializer", () => {
    const b = new GraphBuilder();
    const [, hidden, out] = b.chain(null, ["Input", { shape: [2] }], ["Dense", { units: 3 }], ["Dense", { units: 1 }]);
    const graph = b.build();
    const h = graph.nodes.find((n) => n.id === hidden);
    const o = graph.nodes.find((n) => n.id === out);
    if (!h || !o) throw new Error("nodes missing");
    h.initialWeights = { kernel: [1, 2, 3, 4, 5, 6], bias: [0.1, 0.2, 0.3] };
    o.initialWeights = { bias: [-7] };
    const { model } = compileGraph(graph);
    const [kernel, bias, outKernel, outBias] = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(model.getWeights()[0].shape).toEqual([2, 3]);
    expect(kernel).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bias.map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.2, 0.3]);
    expect(outBias).toEqual([-7]);
    // glorotUniform, not zeros and not hand-set
    expect(outKernel.some((v) => v !== 0)).toBe(true);
    model.dispose();
  });
});
