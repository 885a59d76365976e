import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadIdx } from "../../data/idx/read";
import { fromPixels, makeFolder } from "../../data/image-folder/test-fixtures";
import { encodeSample } from "./evaluate-encode";
import type { EncodeContext } from "./evaluate-encode-context";

/** Raw uint8 pixels scaled as the run's pixels were: IDX unit/none, image folders' channel statistics. */
const FASHION = join(import.meta.dirname, "../../../resources/datasets/fashion-mnist-subset");
const files = {
  images: join(FASHION, "t10k-images-idx3-ubyte.gz"),
  labels: join(FASHION, "t10k-labels-idx1-ubyte.gz"),
};

const context = (over: Partial<EncodeContext>): EncodeContext => ({
  inputShape: [28, 28, 1],
  preprocessing: null,
  resize: "stretch",
  pixelScale: "unit",
  ...over,
});

describe("raw pixels", () => {
  it.each(["unit", "none"] as const)("of an IDX image equal the sample training read (scale %s)", async (scale) => {
    const raw = await loadIdx({ ...files, scale: "none" });
    const trained = await loadIdx({ ...files, scale });
    const size = 28 * 28;
    for (const k of [0, 7]) {
      const pixels = Array.from(raw.x.subarray(k * size, (k + 1) * size));
      const want = Array.from(trained.x.subarray(k * size, (k + 1) * size));
      // IDX samples are [28, 28]: the trailing channel of the Input may be left out.
      const e = await encodeSample({ kind: "pixels", shape: [28, 28], pixels }, context({ pixelScale: scale }));
      expect(e.shape).toEqual([28, 28, 1]);
      expect(Array.from(e.values)).toEqual(want);
    }
  });

  it("of an image folder's image equal that image file decoded, scaled and standardized as in training", async () => {
    const px = Array.from({ length: 4 * 4 * 3 }, (_, i) => (i * 37) % 256);
    const root = await makeFolder({ "a/x.png": await fromPixels(4, 4, px) });
    const ctx = context({
      inputShape: [4, 4, 3],
      preprocessing: {
        kind: "imageFolder",
        classNames: ["a"],
        stats: { mean: [0.4, 0.5, 0.6], std: [0.2, 0.25, 0.3] },
      },
    });
    const file = await encodeSample({ kind: "image", path: join(root, "a/x.png") }, ctx);
    const pixels = await encodeSample({ kind: "pixels", shape: [4, 4, 3], pixels: px }, ctx);
    expect(Array.from(pixels.values)).toEqual(Array.from(file.values));
    expect(pixels.values[5]).toBeCloseTo((px[5] / 255 - 0.6) / 0.3, 6);
  });

  it("refuses another shape, values outside 0..255, and a run that did not train on images", async () => {
    const ctx = context({});
    const pixels = new Array(28 * 28).fill(0);
    await expect(encodeSample({ kind: "pixels", shape: [28, 27], pixels }, ctx)).rejects.toMatchObject({
      code: "E_PREDICT_INPUT",
      message: "expected pixels of shape [28,28,1] (the model's Input); received shape [28,27]",
    });
    await expect(encodeSample({ kind: "pixels", shape: [28, 28], pixels: [1, 2] }, ctx)).rejects.toMatchObject({
      message: "expected 784 pixels (shape [28,28]); received 2",
    });
    const bad = [...pixels];
    bad[9] = 256;
    await expect(encodeSample({ kind: "pixels", shape: [28, 28, 1], pixels: bad }, ctx)).rejects.toMatchObject({
      message: "expected pixels as whole numbers 0..255 (uint8); received 256 at index 9",
    });
    const table = context({ preprocessing: { kind: "table" } });
    await expect(encodeSample({ kind: "pixels", shape: [28, 28], pixels }, table)).rejects.toMatchObject({
      message: "pixels needs a run trained on images; this run's data is table",
    });
  });
});
