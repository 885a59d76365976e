import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { mulberry32 } from "../../../shared/random";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { fromPixels, makeFolder } from "../../data/image-folder/test-fixtures";
import { useBackend } from "../testing/tf-setup";
import { startRun } from "./fit";

/**
 * An image-folder classifier trains from the stream: two classes of 12x12 pictures (horizontal
 * vs vertical stripes, with random phase and noise), decoded batch by batch, split stratified.
 */
async function stripesFolder(perClass: number): Promise<string> {
  const random = mulberry32(99);
  const files: Record<string, Buffer> = {};
  for (const cls of ["horizontal", "vertical"]) {
    for (let i = 0; i < perClass; i++) {
      const phase = Math.floor(random() * 4);
      const px: number[] = [];
      for (let y = 0; y < 12; y++) {
        for (let x = 0; x < 12; x++) {
          const on = ((cls === "horizontal" ? y : x) + phase) % 4 < 2;
          const v = Math.max(0, Math.min(255, (on ? 200 : 40) + Math.round((random() - 0.5) * 60)));
          px.push(v, v, v);
        }
      }
      files[`${cls}/${i}.png`] = await fromPixels(12, 12, px);
    }
  }
  return makeFolder(files);
}

describe("training on an image folder", () => {
  let folder: string;
  beforeAll(async () => {
    await useBackend("wasm");
    folder = await stripesFolder(40);
  });

  it("streams decoded batches and learns to tell the classes apart", async () => {
    const graph = sequential(
      [12, 12, 1],
      ["Conv2D", { filters: 4, kernelSize: 3, activation: "relu" }],
      ["GlobalMaxPooling2D"],
      ["Dense", { units: 2, activation: "softmax" }],
    );
    const data = {
      source: { kind: "imageFolder", path: folder, targetSize: [12, 12], color: "grayscale" },
      split: { validation: 0.25, test: 0, seed: 3 },
    };
    const training = {
      loss: { type: "sparseCategoricalCrossentropy" },
      learningRate: 0.05,
      epochs: 15,
      batchSize: 8,
      metrics: ["accuracy"],
      seed: 4,
    };
    const messages: TrainerMessage[] = [];
    const run = startRun({ type: "start", runId: "img", graph, training, data: data as never }, (m) =>
      messages.push(m),
    );
    await run.finished;
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    const epochs = messages.flatMap((m) => (m.type === "epoch" ? [m.metrics] : []));
    expect(epochs).toHaveLength(15);
    expect(epochs.at(-1)?.val_accuracy).toBeGreaterThanOrEqual(0.9);
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    if (progress[0].type === "progress") expect(progress[0].batchesPerEpoch).toBe(8); // 60 training images / 8
    run.dispose();
  }, 120_000);

  it("refuses images that do not fit the Input, naming both shapes", async () => {
    const graph = sequential([28, 28, 1], ["Flatten"], ["Dense", { units: 2, activation: "softmax" }]);
    const data = { source: { kind: "imageFolder", path: folder, targetSize: [12, 12], color: "grayscale" } };
    const messages: TrainerMessage[] = [];
    const run = startRun(
      {
        type: "start",
        runId: "bad",
        graph,
        training: { loss: { type: "sparseCategoricalCrossentropy" } },
        data: data as never,
      },
      (m) => messages.push(m),
    );
    await run.finished;
    expect(messages.find((m) => m.type === "error")).toMatchObject({ code: "E_DATA_SHAPE" });
    const err = messages.find((m) => m.type === "error");
    expect(err?.type === "error" && err.message).toContain("[12,12,1]");
    run.dispose();
  });
});
