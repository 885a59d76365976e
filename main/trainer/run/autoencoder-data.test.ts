import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { runStart } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { evaluateRun } from "./evaluate";
import { modelInMemory } from "./evaluate-model";

/** A file of samples without targets (a .npy x alone) trains an autoencoder: targets = inputs. */
const X = join(import.meta.dirname, "../../data/__fixtures__/npy/x-le-f4.npy"); // (3, 2, 2)
const data = { source: { kind: "npy", x: X }, split: { validation: 0.34, seed: 1 } };

function model(outputs: number[]) {
  const b = new GraphBuilder();
  b.chain(
    b.add("Input", { shape: [2, 2] }),
    ["Flatten"],
    ["Dense", { units: 3, activation: "tanh" }],
    ["Dense", { units: outputs.reduce((a, d) => a * d, 1) }],
    ["Reshape", { targetShape: outputs }],
  );
  return b.build();
}

async function train(graph: unknown) {
  const start = {
    type: "start" as const,
    runId: "ae",
    graph,
    training: { epochs: 2, batchSize: 2, loss: { type: "meanSquaredError" }, seed: 2 },
    data: data as never,
  };
  return { ...(await runStart(start)), start };
}

describe("samples without targets", () => {
  beforeAll(() => useBackend("cpu"));

  it("train and evaluate an autoencoder with the inputs as targets", async () => {
    const { messages, handle, start } = await train(model([2, 2]));
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    expect(messages.find((m) => m.type === "done")).toMatchObject({ reason: "completed" });
    const report = await evaluateRun(modelInMemory(handle, start), {});
    expect(report).toMatchObject({ task: "autoencoder", samples: 1 });
    handle.dispose();
  });

  it("refuse any other model, naming the output shape it would need", async () => {
    const { messages, handle } = await train(model([3]));
    handle.dispose();
    expect(messages).toEqual([
      expect.objectContaining({
        code: "E_DATA_TARGETS",
        message: expect.stringMatching(/samples have shape \[2,2\], but the output "reshape_1" has shape \[3\]/),
      }),
    ]);
  });
});
