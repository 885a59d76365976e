import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { runStart } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";

/**
 * Training metrics are the epoch's running averages over its batches, in training mode, like the
 * loss (Keras' fit). With BatchNorm, inference mode (moving statistics) scores a very different
 * model in the first epochs, so a metric recomputed that way disagreed with the loss. With an mse
 * loss and the mse metric, both now come from the same forward passes and must agree.
 */
describe("per-epoch training metrics with BatchNorm", () => {
  beforeAll(() => useBackend("cpu"));

  it("report the mse metric equal to the mse loss, epoch by epoch", async () => {
    const graph = sequential([3], ["Dense", { units: 8 }], ["BatchNormalization"], ["Dense", { units: 1 }]);
    // Inputs far from 0: the moving mean starts at 0, so inference mode is far off at first.
    const x = Array.from({ length: 24 }, (_, i) => [50 + (i % 5), 40 - (i % 3), 60 + (i % 7)]);
    const y = x.map(([a, b]) => (a - b) / 10);
    const training = {
      epochs: 3,
      batchSize: 8,
      seed: 3,
      loss: { type: "meanSquaredError" },
      metrics: ["mse"],
      validation: { type: "none" },
    };
    const { handle, messages } = await runStart({ runId: "bn", graph, training, data: { kind: "inline", x, y } });
    handle.dispose();
    const epochs = messages.flatMap((m) => (m.type === "epoch" ? [m.metrics] : []));
    expect(epochs).toHaveLength(3);
    for (const m of epochs) expect(m.mse as number).toBeCloseTo(m.loss as number, 4);
  });
});
