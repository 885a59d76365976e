import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { FeatureMapsSchema } from "../../../shared/evaluation/inside";
import { type TrainedRun, trainedRuns } from "./evaluate-fixtures";
import { modelInMemory } from "./evaluate-model";
import { loadEvalSet } from "./evaluate-sources";
import { insideModel } from "./inside";

/** Equal to float32 precision, value by value. */
function expectClose(actual: (number | null)[], expected: ArrayLike<number>): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < actual.length; i++) expect(actual[i]).toBeCloseTo(expected[i], 5);
}

/** Feature maps and filters of a trained CNN (digits-cnn, one epoch), checked against the model's own layers. */
const trained = trainedRuns();

describe("inside the model: feature maps and filters", () => {
  let run: TrainedRun;
  beforeAll(async () => {
    run = await trained("digits-cnn", { epochs: 1 });
  }, 120_000);

  /** The validation sample at `index`, as evaluation reads it (the run's own split and preprocessing). */
  async function validationSample(index: number): Promise<tf.Tensor> {
    const set = await loadEvalSet(modelInMemory(run.handle, run.start), { split: "validation" });
    for await (const b of set.batches(set.n)) {
      const x = (b.x as tf.Tensor).slice(index, 1);
      tf.dispose([b.x, b.y]);
      set.dispose();
      return x;
    }
    throw new Error("no validation batch");
  }

  it("shows every convolution's maps, equal to applying the model's layers one by one to the sample", async () => {
    const model = run.handle.model as tf.LayersModel;
    const maps = await insideModel(modelInMemory(run.handle, run.start), { index: 5 });
    expect(FeatureMapsSchema.safeParse(maps).success).toBe(true);
    expect(maps.sample).toMatchObject({ kind: "split", part: "validation", index: 5 });
    expect(maps.layers.map((l) => [l.name, l.className])).toEqual([
      ["conv2d_1", "Conv2D"],
      ["conv2d_2", "Conv2D"],
    ]);
    // The oracle: the sample through each layer's own apply, in graph order (digits-cnn is a chain).
    let t = await validationSample(5);
    const expected: Record<string, { shape: number[]; values: Float32Array }> = {};
    for (const layer of model.layers.slice(1)) {
      const next = layer.apply(t) as tf.Tensor;
      t.dispose();
      t = next;
      if (layer.getClassName() === "Conv2D")
        expected[layer.name] = { shape: t.shape.slice(1), values: t.dataSync() as Float32Array };
    }
    t.dispose();
    for (const l of maps.layers) {
      expect(l.shape).toEqual(expected[l.name].shape);
      expect(l.channels).toBe(l.shape[2]);
      expect(l.values).toHaveLength(expected[l.name].values.length);
      expectClose(l.values, expected[l.name].values);
    }
  });

  it("the first convolution's maps are relu(conv2d(image, kernel) + bias) of the sample's 8x8 image", async () => {
    const model = run.handle.model as tf.LayersModel;
    const conv = model.getLayer("conv2d_1");
    const [kernel, bias] = conv.getWeights();
    const maps = await insideModel(modelInMemory(run.handle, run.start), { index: 0 });
    const x = await validationSample(0);
    const want = tf.tidy(() =>
      tf.relu(tf.conv2d(x.reshape([1, 8, 8, 1]) as tf.Tensor4D, kernel as tf.Tensor4D, 1, "same").add(bias)),
    );
    expect(maps.layers[0].shape).toEqual(want.shape.slice(1));
    const w = want.dataSync();
    expectClose(maps.layers[0].values, w);
    tf.dispose([x, want]);
  });

  it("the filters are the first convolution's kernel weights, in its [kh, kw, in, filters] layout", async () => {
    const model = run.handle.model as tf.LayersModel;
    const kernel = model.getLayer("conv2d_1").getWeights()[0];
    const maps = await insideModel(modelInMemory(run.handle, run.start), { index: 0 });
    expect(maps.filters?.layer).toBe("conv2d_1");
    expect(maps.filters?.shape).toEqual(kernel.shape);
    expect(maps.filters?.values).toEqual(Array.from(kernel.dataSync()));
  });

  it("a sample position past the part's end is refused with the range it has", async () => {
    const m = modelInMemory(run.handle, run.start);
    await expect(insideModel(m, { index: 100_000 })).rejects.toMatchObject({
      code: "E_INSIDE_INDEX",
      message: expect.stringMatching(/expected a sample position from 0 to \d+ .* received 100000/),
    });
  });
});
