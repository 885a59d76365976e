import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { parity, randomizeWeights } from "./parity.testkit";

/**
 * Embedding(maskZero) into a recurrent layer: tfjs skips the padding steps (id 0), and the file
 * passes each sequence's length to the ONNX op (sequence_lens), which stops there. With padding at
 * the end (NetForge's text default) the last state is exact; the inputs differ in length so a
 * length mix-up would show.
 */
const TOLERANCE = 1e-5;
const POST_PADDED = [
  [3, 1, 4, 1, 5, 0, 0, 0],
  [2, 7, 0, 0, 0, 0, 0, 0],
  [9, 2, 6, 5, 3, 5, 8, 9],
  [7, 0, 0, 0, 0, 0, 0, 0],
];

function masked(layer: [string, Record<string, unknown>]) {
  const g = sequential([8], ["Embedding", { inputDim: 10, outputDim: 4, maskZero: true }], layer, [
    "Dense",
    { units: 2 },
  ]);
  (g.nodes[0].params as { dtype?: string }).dtype = "int32";
  return g;
}

async function diff(graph: unknown): Promise<number> {
  const c = compileGraph(graph);
  randomizeWeights(c, 5);
  const x = tf.tensor2d(POST_PADDED, undefined, "int32");
  const { maxAbsDiff } = await parity(c, [x]);
  x.dispose();
  c.model.dispose();
  return maxAbsDiff;
}

describe("Embedding(maskZero) into a recurrent layer, post-padded ids", () => {
  beforeAll(() => useBackend("cpu"));

  it.each(["GRU", "LSTM", "SimpleRNN"])("%s: the file matches tfjs", async (kind) => {
    expect(await diff(masked([kind, { units: 3 }]))).toBeLessThan(TOLERANCE);
    expect(await diff(masked([kind, { units: 3, goBackwards: true }]))).toBeLessThan(TOLERANCE);
    // Without a bias the op's optional B input is left empty before sequence_lens.
    expect(await diff(masked([kind, { units: 3, useBias: false }]))).toBeLessThan(TOLERANCE);
  });

  it("Bidirectional GRU: both directions stop at the sequence's length", async () => {
    const layer = { layer: { kind: "GRU", params: { units: 3 } } };
    expect(await diff(masked(["Bidirectional", layer]))).toBeLessThan(TOLERANCE);
  });
});
