import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { type ImageFolderSource, ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { sequential } from "../../../shared/ir/builder";
import { mulberry32 } from "../../../shared/random";
import { loadIdx } from "../../data/idx/read";
import { fitChannelStats } from "../../data/image-folder/batches";
import { decodeImage } from "../../data/image-folder/decode";
import { scanImageFolder } from "../../data/image-folder/scan";
import { fromPixels } from "../../data/image-folder/test-fixtures";
import { argmax, build, dense, maxAbsDiff, run, softmax, tempDir, training } from "./pipeline.testkit";

/**
 * Pixels through the exported pipeline: the uint8 pixels of real image files (at the trained
 * size) and of the bundled Fashion-MNIST subset, against NetForge's decodeImage (+ the fitted
 * channel statistics) or loadIdx, followed by the same Dense in float64.
 */

const dir = tempDir();
const FASHION = join(__dirname, "../../../resources/datasets/fashion-mnist-subset");
const [H, W] = [5, 6];

/** Two classes of three images each, with seeded pixels (gray: R = G = B). Returns the pixels by file. */
async function folder(root: string, gray: boolean): Promise<Map<string, Uint8Array>> {
  const random = mulberry32(gray ? 7 : 8);
  const pixels = new Map<string, Uint8Array>();
  for (const cls of ["cat", "dog"]) {
    await mkdir(join(root, cls), { recursive: true });
    for (let i = 0; i < 3; i++) {
      const px = Array.from({ length: H * W }, () => Array.from({ length: 3 }, () => Math.floor(random() * 256)));
      const rgb = px.flatMap((p) => (gray ? [p[0], p[0], p[0]] : p));
      const file = join(root, cls, `${i}.png`);
      await writeFile(file, await fromPixels(W, H, rgb));
      pixels.set(`${cls}/${i}.png`, Uint8Array.from(gray ? px.map((p) => p[0]) : rgb));
    }
  }
  return pixels;
}

async function imageCase(color: "rgb" | "grayscale", scale: "unit" | "standardize", inputShape: number[]) {
  const root = join(dir, `${color}-${scale}`);
  const pixels = await folder(root, color === "grayscale");
  const source: ImageFolderSource = ImageFolderSourceSchema.parse({
    kind: "imageFolder",
    path: root,
    targetSize: [H, W],
    color,
    scale,
    resize: "cover",
  });
  const index = await scanImageFolder(root);
  const stats = scale === "standardize" ? await fitChannelStats(index, source) : null;
  const c = color === "rgb" ? 3 : 1;
  const pre = { kind: "imageFolder", classNames: index.classNames, shape: [H, W, c], stats };
  const graph = sequential(inputShape, ...(inputShape.length > 1 ? [["Flatten"] as [string]] : []), [
    "Dense",
    { units: 2, activation: "softmax" },
  ]);
  const b = await build(dir, `${color}-${scale}`, graph, {
    preprocessing: pre,
    source,
    classNames: index.classNames,
    training: training({ loss: { type: "sparseCategoricalCrossentropy" } }),
    options: { inputs: "raw", tableInputs: "columns" },
  });
  const n = index.files.length;
  const raw = new Uint8Array(n * H * W * c);
  for (const [i, f] of index.files.entries()) raw.set(pixels.get(f) as Uint8Array, i * H * W * c);
  // NetForge's side: decodeImage, then batches.ts's (x - mean) / std per channel.
  const decoded = await Promise.all(index.files.map((f) => decodeImage(join(root, f), source)));
  const x = Float32Array.from(decoded.flatMap((d) => Array.from(d)));
  if (stats) for (let i = 0; i < x.length; i++) x[i] = (x[i] - stats.mean[i % c]) / stats.std[i % c];
  const out = await run(b.session, { pixels: new ort.Tensor("uint8", raw, [n, H, W, c]) });
  const want = dense(x, n, b.weights[b.analysis.outputs[0]], "softmax");
  return { b, out, want, classNames: index.classNames };
}

describe("image pipeline", () => {
  it("RGB pixels, standardized per channel with the fitted statistics", async () => {
    const { b, out, want, classNames } = await imageCase("rgb", "standardize", [H, W, 3]);
    expect(b.description.inputs.map((p) => [p.name, p.dtype, p.shape])).toEqual([["pixels", "uint8", ["N", H, W, 3]]]);
    expect(b.description.userSteps[0]).toMatch(/6x5 pixels.*"cover"/);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => classNames[argmax(p)]));
  });

  it("grayscale pixels into an [H, W] Input, scaled to [0, 1]", async () => {
    const { b, out, want, classNames } = await imageCase("grayscale", "unit", [H, W]);
    expect(b.description.inputs[0].shape).toEqual(["N", H, W, 1]);
    expect(b.description.userSteps.join(" ")).toMatch(/grayscale.*0\.299/);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => classNames[argmax(p)]));
  });
});

describe("IDX pipeline", () => {
  for (const scale of ["unit", "none"] as const) {
    it(`Fashion-MNIST pixels [N, 28, 28] (scale ${scale})`, async () => {
      const idx = {
        images: join(FASHION, "t10k-images-idx3-ubyte.gz"),
        labels: join(FASHION, "t10k-labels-idx1-ubyte.gz"),
      };
      const raw = await loadIdx({ ...idx, scale: "none" });
      const data = await loadIdx({ ...idx, scale });
      const n = 16;
      const inputShape = scale === "unit" ? [28, 28, 1] : [784];
      const graph = sequential(inputShape, ...(scale === "unit" ? [["Flatten"] as [string]] : []), [
        "Dense",
        { units: 10 },
      ]);
      const b = await build(dir, `idx-${scale}`, graph, {
        preprocessing: { kind: "idx", scale },
        source: { kind: "idx", ...idx, scale },
        classNames: null,
        training: training({ loss: { type: "sparseCategoricalCrossentropy", fromLogits: true } }),
        options: { inputs: "raw", tableInputs: "columns" },
      });
      const shape = scale === "unit" ? [28, 28] : [784];
      expect(b.description.inputs[0].shape).toEqual(["N", ...shape]);
      const pixels = (raw.x as Uint8Array).subarray(0, n * 784);
      const out = await run(b.session, { pixels: new ort.Tensor("uint8", Uint8Array.from(pixels), [n, ...shape]) });
      const x = Float32Array.from(data.x.subarray(0, n * 784));
      const logits = dense(x, n, b.weights[b.analysis.outputs[0]]);
      const want = logits.map(softmax);
      expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
      // No class names: the label is the class id (int64).
      expect(Array.from(out.label.data as BigInt64Array, Number)).toEqual(want.map(argmax));
    });
  }
});
