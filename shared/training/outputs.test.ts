import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../ir/builder";
import { inferGraph } from "../shapes/infer";
import { multipleOutputsError } from "./outputs";

function twoOutputGraph() {
  const b = new GraphBuilder();
  const x = b.add("Input", { shape: [4] });
  b.chain(x, ["Dense", { units: 1 }]);
  b.chain(x, ["Dense", { units: 3, activation: "softmax" }]);
  return b.build();
}

describe("multipleOutputsError", () => {
  it("names every output of a graph with several", () => {
    const d = multipleOutputsError(inferGraph(twoOutputGraph()));
    expect(d).toMatchObject({ code: "E_TRAIN_OUTPUTS", severity: "error" });
    expect(d?.message).toContain('2 ("dense_1", "dense_2")');
  });

  it("accepts one output, and leaves a GAN's pair of markers to E_GAN_PAIR", () => {
    const b = new GraphBuilder();
    b.chain(b.add("Input", { shape: [4] }), ["Dense", { units: 1 }]);
    expect(multipleOutputsError(inferGraph(b.build()))).toBeNull();
    const gan = JSON.parse(readFileSync("resources/templates/gan-ring.netforge.json", "utf8")).graph;
    expect(inferGraph(gan).outputs.length).toBeGreaterThan(1);
    expect(multipleOutputsError(inferGraph(gan))).toBeNull();
  });
});
