/**
 * Decode throughput of the image-folder stream (not a test): `npx tsx main/data/image-folder/decode.bench.ts [n]`.
 * Writes n 28x28 grayscale PNGs and n/2 64x64 RGB JPEGs (10 classes, noisy content so the codecs
 * do real work) to a temporary folder, then times a full epoch of imageBatches at several
 * concurrencies, with and without augmentation, and the probe. Prints images/s.
 */
import { rm } from "node:fs/promises";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { mulberry32 } from "../../../shared/random";
import { imageBatches } from "./batches";
import { probeImageFolder } from "./probe";
import { scanImageFolder } from "./scan";
import { makeFolder } from "./test-fixtures";

const n = Number(process.argv[2] ?? 2000);

async function noisy(w: number, h: number, c: 1 | 3, seed: number, format: "png" | "jpeg"): Promise<Buffer> {
  const rnd = mulberry32(seed);
  const px = Buffer.alloc(w * h * c);
  // A blob on a noisy background: compressible like a real picture, not flat like a solid fill.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const blob = (x - w / 2) ** 2 + (y - h / 2) ** 2 < (w / 3) ** 2 ? 160 : 40;
      for (let k = 0; k < c; k++) px[(y * w + x) * c + k] = blob + Math.floor(rnd() * 60);
    }
  }
  const img = sharp(px, { raw: { width: w, height: h, channels: c } });
  return format === "png" ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

async function build(count: number, size: number, c: 1 | 3, format: "png" | "jpeg"): Promise<string> {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++)
    files[`class${i % 10}/${i}.${format === "png" ? "png" : "jpg"}`] = await noisy(size, size, c, i, format);
  return makeFolder(files);
}

async function epoch(root: string, extra: object, concurrency: number, augment: boolean): Promise<number> {
  const source = ImageFolderSourceSchema.parse({ kind: "imageFolder", path: root, ...extra });
  const index = await scanImageFolder(root);
  const t0 = performance.now();
  let images = 0;
  for await (const b of imageBatches(index, source, { batchSize: 64, seed: 1, concurrency, augment }))
    images += b.y.length;
  return images / ((performance.now() - t0) / 1000);
}

const aug = { horizontalFlip: true, rotation: 15, zoom: 0.1, translation: 0.1, gaussianNoise: 0.05, saltPepper: 0.01 };
const cases = [
  {
    name: "28x28 grayscale PNG",
    count: n,
    size: 28,
    c: 1 as const,
    format: "png" as const,
    target: [28, 28] as [number, number],
    color: "grayscale" as const,
  },
  {
    name: "64x64 RGB JPEG",
    count: Math.round(n / 2),
    size: 64,
    c: 3 as const,
    format: "jpeg" as const,
    target: [64, 64] as [number, number],
    color: "rgb" as const,
  },
];

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
);
for (const c of cases) {
  const root = await build(c.count, c.size, c.c, c.format);
  const extra = { targetSize: c.target, color: c.color };
  await epoch(root, extra, 4, false); // warm the page cache and sharp's own caches
  for (const conc of [1, 4, 8]) {
    console.log(
      `${c.name}, ${c.count} images, concurrency ${conc}: ${(await epoch(root, extra, conc, false)).toFixed(0)} images/s`,
    );
  }
  console.log(
    `${c.name}, concurrency 4, all augmentations on: ${(await epoch(root, { ...extra, augmentation: aug }, 4, true)).toFixed(0)} images/s`,
  );
  const t0 = performance.now();
  await probeImageFolder({ kind: "imageFolder", path: root, ...extra });
  console.log(`${c.name}: probe (500 headers) ${(performance.now() - t0).toFixed(0)} ms`);
  await rm(root, { recursive: true, force: true });
}
