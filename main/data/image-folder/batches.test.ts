import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImageFolderSource, ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { mulberry32 } from "../../../shared/random";
import { isDataError } from "../errors";
import { augmentImage } from "./augment";
import { type BadImages, fitChannelStats, type ImageBatch, imageBatches, skippedWarning } from "./batches";
import { decodeImage } from "./decode";
import { type ImageIndex, scanImageFolder } from "./scan";
import { BLUE, corruptBytes, fromPixels, GREEN, makeFolder, png, RED, solid, validFolder } from "./test-fixtures";

const source = (root: string, extra: Partial<ImageFolderSource> = {}) =>
  ImageFolderSourceSchema.parse({ kind: "imageFolder", path: root, ...extra });

async function collect(it: AsyncGenerator<ImageBatch>): Promise<ImageBatch[]> {
  const out: ImageBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

let root: string;
let bigRoot: string;
let big: ImageIndex;
beforeAll(async () => {
  root = await validFolder();
  // 24 images with distinct pixels (a horizontal ramp whose level encodes the sample).
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 24; i++) {
    const px: number[] = [];
    for (let y = 0; y < 6; y++) for (let x = 0; x < 6; x++) px.push(i * 10, x * 40, y * 40);
    files[`${["a", "b", "c"][i % 3]}/${String(i).padStart(2, "0")}.png`] = await fromPixels(6, 6, px);
  }
  bigRoot = await makeFolder(files);
  big = await scanImageFolder(bigRoot);
});
afterAll(() => Promise.all([root, bigRoot].map((r) => rm(r, { recursive: true, force: true }))));

describe("decodeImage", () => {
  it("decodes every format to [h, w, c] in [0, 1]; GIF gives its first frame", async () => {
    const opts = { targetSize: [4, 4] as [number, number], color: "rgb" as const, resize: "stretch" as const };
    const red = await decodeImage(join(root, "cats/a.png"), opts);
    expect(red.length).toBe(4 * 4 * 3);
    expect(Array.from(red.slice(0, 3))).toEqual([1, 0, 0]);
    const webp = await decodeImage(join(root, "cats/c.WEBP"), opts);
    expect(Array.from(webp.slice(0, 3))).toEqual([1, 0, 0]);
    const jpg = await decodeImage(join(root, "cats/b.jpg"), opts);
    expect(jpg[0]).toBeGreaterThan(0.9);
    expect(jpg[1]).toBeLessThan(0.1);
    const gif = await decodeImage(join(root, "dogs/d.gif"), opts);
    expect(Array.from(gif.slice(0, 3))).toEqual([0, 0, 1]);
    const gray = await decodeImage(join(root, "dogs/e.png"), { ...opts, color: "grayscale" });
    expect(gray.length).toBe(16);
    // ITU-R 601 luma as PIL's convert("L") gives it, a whole grey: pure blue 29/255, pure red 76/255.
    expect(gray[0]).toBe(Math.fround(29 / 255));
    const grey = await decodeImage(join(root, "cats/a.png"), { ...opts, color: "grayscale" });
    expect(grey[0]).toBe(Math.fround(76 / 255));
  });

  it("stretches, covers or pads (contain) as asked", async () => {
    const dir = await makeFolder({ "w/wide.png": await png(8, 4, GREEN) });
    const file = join(dir, "w/wide.png");
    const size = [8, 8] as [number, number];
    const contain = await decodeImage(file, { targetSize: size, color: "grayscale", resize: "contain" });
    const cover = await decodeImage(file, { targetSize: size, color: "grayscale", resize: "cover" });
    expect(contain[0]).toBe(0); // black padding above the 8x4 picture
    expect(contain[4 * 8]).toBeGreaterThan(0.5);
    expect(cover[0]).toBeGreaterThan(0.5);
    await rm(dir, { recursive: true, force: true });
  });

  it("composites transparency onto white", async () => {
    const clear = await solid(4, 4, RED).ensureAlpha(0).png().toBuffer();
    const dir = await makeFolder({ "t/clear.png": clear });
    const px = await decodeImage(join(dir, "t/clear.png"), { targetSize: [2, 2], color: "rgb", resize: "stretch" });
    expect(Array.from(px)).toEqual(new Array(12).fill(1));
    await rm(dir, { recursive: true, force: true });
  });
});

describe("imageBatches", () => {
  it("streams every image once per epoch, with shapes and labels", async () => {
    const batches = await collect(imageBatches(big, source(bigRoot, { targetSize: [6, 6] }), { batchSize: 5 }));
    expect(batches.map((b) => b.y.length)).toEqual([5, 5, 5, 5, 4]);
    expect(batches[0].shape).toEqual([5, 6, 6, 3]);
    expect(batches[0].x.length).toBe(5 * 6 * 6 * 3);
    const seen = batches.flatMap((b) => Array.from(b.samples)).sort((a, b) => a - b);
    expect(seen).toEqual([...Array(24).keys()]);
    for (const b of batches) {
      b.samples.forEach((s, r) => {
        expect(b.y[r]).toBe(big.labels[s]);
        // The red channel of the first pixel encodes which file this row came from.
        const n = Number(big.files[s].slice(2, 4));
        expect(b.x[r * 6 * 6 * 3]).toBeCloseTo((n * 10) / 255, 5);
      });
    }
  });

  it("shuffles by (seed, epoch) and keeps indices (a split) only", async () => {
    const order = async (seed: number, epoch: number, indices?: number[]) =>
      (await collect(imageBatches(big, source(bigRoot), { batchSize: 7, seed, epoch, indices }))).flatMap((b) =>
        Array.from(b.samples),
      );
    const a = await order(1, 0);
    expect(await order(1, 0)).toEqual(a);
    expect(await order(1, 1)).not.toEqual(a);
    expect(await order(2, 0)).not.toEqual(a);
    const split = await order(1, 0, [3, 5, 7]);
    expect([...split].sort((x, y) => x - y)).toEqual([3, 5, 7]);
  });

  it("augments training batches the same way for the same seed, differently per epoch", async () => {
    const aug = {
      horizontalFlip: true,
      rotation: 20,
      zoom: 0.2,
      translation: 0.1,
      gaussianNoise: 0.05,
      saltPepper: 0.05,
    };
    const s = source(bigRoot, { targetSize: [6, 6], augmentation: augmentationOf(aug) });
    const run = (epoch: number, augment: boolean) =>
      collect(imageBatches(big, s, { batchSize: 8, seed: 3, epoch, augment, concurrency: 3 }));
    const [first, again, plain, next] = await Promise.all([run(0, true), run(0, true), run(0, false), run(1, true)]);
    expect(first.map((b) => Array.from(b.x))).toEqual(again.map((b) => Array.from(b.x)));
    expect(first[0].samples).toEqual(plain[0].samples);
    expect(first[0].x).not.toEqual(plain[0].x);
    expect(next[0].x).not.toEqual(first[0].x);
    for (const b of first) for (const v of b.x) expect(v >= 0 && v <= 1).toBe(true);
  });

  it("skips a corrupt image with a warning naming it, or fails with E_IMG_DECODE", async () => {
    const dir = await makeFolder({
      "a/1.png": await png(4, 4, RED),
      "a/bad.png": corruptBytes(),
      "b/2.png": await png(4, 4, BLUE),
    });
    const idx = await scanImageFolder(dir);
    const bad: BadImages = new Map();
    const batches = await collect(imageBatches(idx, source(dir), { batchSize: 8, bad }));
    expect(batches[0].y.length).toBe(2);
    expect([...bad.keys()]).toEqual(["a/bad.png"]);
    expect(skippedWarning(bad, dir)).toMatchObject({
      code: "W_IMG_SKIPPED",
      message: expect.stringContaining("a/bad.png"),
    });
    const strict = await collect(imageBatches(idx, source(dir, { skipBadImages: false }), { batchSize: 8 })).catch(
      (e: unknown) => e,
    );
    expect(isDataError(strict, "E_IMG_DECODE"), String(strict)).toBe(true);
    expect((strict as Error).message).toContain(join(dir, "a/bad.png"));
    await rm(dir, { recursive: true, force: true });
  });

  it("standardizes with channel statistics fitted on the training samples only", async () => {
    const train = [...Array(12).keys()];
    const s = source(bigRoot, { targetSize: [6, 6], scale: "standardize" });
    const stats = await fitChannelStats(big, s, { indices: train });
    expect(stats.images).toBe(12);
    // Red is the file number * 10 / 255, constant within an image; green is the x ramp.
    const numbers = train.map((s) => Number(big.files[s].slice(2, 4)));
    expect(stats.mean[0]).toBeCloseTo((numbers.reduce((a, b) => a + b, 0) * 10) / 12 / 255, 4);
    expect(stats.mean[1]).toBeCloseTo((100 / 255) * 1, 4);
    const out = await collect(imageBatches(big, s, { batchSize: 12, indices: train, stats }));
    const x = out[0].x;
    for (let k = 0; k < 3; k++) {
      let sum = 0;
      let sq = 0;
      for (let i = k; i < x.length; i += 3) {
        sum += x[i];
        sq += x[i] * x[i];
      }
      const n = x.length / 3;
      expect(sum / n).toBeCloseTo(0, 4);
      expect(Math.sqrt(sq / n)).toBeCloseTo(1, 3);
    }
    await expect(imageBatches(big, s, { batchSize: 4 }).next()).rejects.toThrow(/fitChannelStats/);
  });
});

describe("augmentImage", () => {
  const ramp = () => Float32Array.from({ length: 4 * 5 }, (_, i) => (i % 5) / 4);
  const off = augmentationOf({});

  it("flips exactly, and does nothing when everything is off", () => {
    const flipped = augmentImage(ramp(), 4, 5, 1, { ...off, horizontalFlip: true }, () => 0.1);
    expect(Array.from(flipped.slice(0, 5))).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(augmentImage(ramp(), 4, 5, 1, off, Math.random)).toEqual(ramp());
  });

  it("adds noise with the asked spread and salt-and-pepper at the asked rate", () => {
    const rnd = mulberry32(7);
    const grey = new Float32Array(10000).fill(0.5);
    const noisy = augmentImage(grey.slice(), 100, 100, 1, { ...off, gaussianNoise: 0.1 }, rnd);
    const mean = noisy.reduce((a, b) => a + b, 0) / noisy.length;
    const sd = Math.sqrt(noisy.reduce((a, b) => a + (b - mean) ** 2, 0) / noisy.length);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
    const sp = augmentImage(grey.slice(), 100, 100, 1, { ...off, saltPepper: 0.2 }, rnd);
    const hit = sp.filter((v) => v !== 0.5).length / sp.length;
    expect(hit).toBeGreaterThan(0.17);
    expect(hit).toBeLessThan(0.23);
  });

  it("rotates by 180 degrees when asked for the full range at its extreme", () => {
    const px = ramp();
    const out = augmentImage(px, 4, 5, 1, { ...off, rotation: 180 }, () => 1 - 1e-12);
    expect(out[0]).toBeCloseTo(1, 5);
    expect(out[4]).toBeCloseTo(0, 5);
  });
});

function augmentationOf(a: Partial<ImageFolderSource["augmentation"]>): ImageFolderSource["augmentation"] {
  return ImageFolderSourceSchema.parse({ kind: "imageFolder", path: "/", augmentation: a }).augmentation;
}
