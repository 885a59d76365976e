import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { useBackend } from "../testing/tf-setup";
import { startRun } from "./fit";

describe("a graph with two outputs at train start", () => {
  beforeAll(() => useBackend("cpu"));

  it("is refused with E_TRAIN_OUTPUTS naming the outputs, before any data is read", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [2] });
    b.chain(x, ["Dense", { units: 1 }]);
    b.chain(x, ["Dense", { units: 1, activation: "sigmoid" }]);
    const messages: TrainerMessage[] = [];
    const data = { kind: "inline", x: [[0, 1]], y: [1] };
    const handle = startRun({ type: "start", runId: "two", graph: b.build(), training: {}, data } as never, (m) =>
      messages.push(m),
    );
    await handle.finished;
    handle.dispose();
    expect(messages).toEqual([
      expect.objectContaining({
        type: "error",
        code: "E_TRAIN_OUTPUTS",
        message: expect.stringContaining('"dense_1", "dense_2"'),
      }),
    ]);
  });
});
