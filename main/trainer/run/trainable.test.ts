import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { runStart } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";

async function start(graph: unknown) {
  const data = { kind: "inline", x: [[0, 1]], y: [1] };
  const { handle, messages } = await runStart({ runId: "t", graph, training: {}, data });
  handle.dispose();
  return messages;
}

/** Valid graphs the trainer cannot train are refused at start with a coded user error. */
describe("graphs check accepts but training cannot use", () => {
  beforeAll(() => useBackend("cpu"));

  it("two outputs: E_TRAIN_OUTPUTS naming the outputs, before any data is read", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [2] });
    b.chain(x, ["Dense", { units: 1 }]);
    b.chain(x, ["Dense", { units: 1, activation: "sigmoid" }]);
    expect(await start(b.build())).toEqual([
      expect.objectContaining({
        type: "error",
        code: "E_TRAIN_OUTPUTS",
        message: expect.stringContaining('"dense_1", "dense_2"'),
      }),
    ]);
  });

  it("no trainable weights: E_NO_TRAINABLE_WEIGHTS instead of tfjs' variableGrads failure", async () => {
    const b = new GraphBuilder();
    b.chain(b.add("Input", { shape: [2] }), ["Activation", { activation: "sigmoid" }]);
    expect(await start(b.build())).toEqual([
      expect.objectContaining({ type: "error", code: "E_NO_TRAINABLE_WEIGHTS" }),
    ]);
  });
});
