import { join } from "node:path";
import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import type { TrainingConfig } from "../../../shared/training/config";
import { channelsOf, decodeImage, mapLimit } from "../../data/image-folder/decode";
import { scanImageFolder } from "../../data/image-folder/scan";
import { imageFileInput } from "../run/evaluate-inputs";
import { describeSource, firstOfPart, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

/** Images decoded at once: a few, so a large folder does not hold every file's pixels twice. */
const PARALLEL = 4;

/**
 * Image-folder files as a user's own code feeds the file: decoded at the trained size (resized,
 * and grey as PIL's convert("L") makes it) into uint8 [H, W, C]. NetForge reads the same files by
 * path, as Try it reads a dropped image. The files are the first of the run's validation part
 * (else training part), split as image-stream.ts split them.
 */
export async function rawImages(
  source: ImageFolderSource,
  spec: DatasetSpec,
  config: TrainingConfig,
  n: number,
): Promise<RawSamples | null> {
  const index = await scanImageFolder(source.path);
  const parts = splitIndices(index.files.length, spec.split, index.labels);
  const { picked, part } = firstOfPart(parts, config, n);
  if (picked.length === 0) return null;
  const [h, w] = source.targetSize;
  const c = channelsOf(source.color);
  const files = picked.map((i) => join(index.root, index.files[i]));
  const pixels = new Uint8Array(files.length * h * w * c);
  await mapLimit(files, PARALLEL, async (file, i) => {
    const px = await decodeImage(file, source);
    // decodeImage gives whole 0..255 values / 255: the uint8 a user's decoder produces.
    for (let k = 0; k < px.length; k++) pixels[i * px.length + k] = Math.round(px[k] * 255);
  });
  return {
    source: describeSource(part, "images", source.path),
    count: files.length,
    columns: [{ name: "pixels", dtype: "uint8", shape: [h, w, c], data: pixels }],
    samples: files.map((path) => ({ kind: "image", path })),
    shown: await Promise.all(
      picked.slice(0, SHOWN_SAMPLES).map((i, k) => imageFileInput(files[k], source, index.files[i])),
    ),
  };
}
