import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { runStart } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";

/** An Embedding smaller than the data's vocabulary is refused before the first batch, with the size to set. */
function classifier(inputDim: number) {
  const graph = sequential(
    [8],
    ["Embedding", { inputDim, outputDim: 4 }],
    ["GlobalAveragePooling1D"],
    ["Dense", { units: 2, activation: "softmax" }],
  );
  (graph.nodes[0].params as Record<string, unknown>).dtype = "int32";
  return graph;
}

async function train(inputDim: number, data: unknown) {
  const training = { epochs: 1, batchSize: 8, loss: { type: "sparseCategoricalCrossentropy" } };
  const { handle, messages } = await runStart({ runId: "vocab", graph: classifier(inputDim), training, data });
  handle.dispose();
  return messages;
}

describe("Embedding inputDim against the data's token ids", () => {
  beforeAll(() => useBackend("cpu"));
  const text = {
    source: {
      kind: "text",
      path: join(import.meta.dirname, "../../data/__fixtures__/text/sentiment.txt"),
      maxLength: 8,
    },
    split: { validation: 0.25 },
  };

  it("text: names the vocabulary's size and the inputDim to set", async () => {
    const messages = await train(5, text);
    expect(messages).toEqual([expect.objectContaining({ type: "error", code: "E_DATA_VOCABULARY" })]);
    const error = messages[0] as Extract<TrainerMessage, { type: "error" }>;
    const size = Number(/has (\d+) token ids/.exec(error.message)?.[1]);
    expect(size).toBeGreaterThan(5);
    expect(error.message).toContain(`Embedding "embedding_1" has inputDim 5`);
    expect(error.message).toContain(`set inputDim to ${size} or more`);
    // The size it asks for is enough: the same data then trains.
    const fixed = await train(size, text);
    expect(fixed.find((m) => m.type === "done")).toMatchObject({ reason: "completed" });
  });

  it("inline ids: the largest id plus one, before any batch", async () => {
    const x = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, t) => (i * 8 + t) % 20));
    const messages = await train(19, { kind: "inline", x, y: x.map((_, i) => i % 2) });
    expect(messages).toEqual([
      expect.objectContaining({
        code: "E_DATA_VOCABULARY",
        message: expect.stringMatching(
          /the data fed to the Input "input_1" has 20 token ids \(0 to 19\).*set inputDim to 20 or more/,
        ),
      }),
    ]);
    expect(messages.some((m) => m.type === "progress")).toBe(false);
  });
});
