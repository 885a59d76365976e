import { join } from "node:path";
import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import { permutation } from "../../../shared/random";
import type { DataWarning } from "../errors";
import { DataError, isDataError } from "../errors";
import { augmentationEnabled, augmentImage, sampleRandom } from "./augment";
import { channelsOf, decodeImage, mapLimit } from "./decode";
import type { ImageIndex } from "./scan";

/** Per-channel statistics of the training images in [0, 1] units, saved with the run. */
export interface ChannelStats {
  mean: number[];
  std: number[];
  /** How many images they were computed from. */
  images: number;
}

/** Images that failed to decode: file (relative to the root) -> reason. Share one across epochs. */
export type BadImages = Map<string, string>;

export interface ImageBatch {
  /** Pixels, [b, h, w, c] row-major. */
  x: Float32Array;
  /** Class ids, [b]. */
  y: Int32Array;
  shape: [number, number, number, number];
  /** Sample numbers (positions in index.files) of the rows, for tracing a prediction to its file. */
  samples: Int32Array;
}

export interface BatchOptions {
  /** Samples to read (e.g. the training split), positions in index.files; default all. */
  indices?: ArrayLike<number>;
  batchSize: number;
  shuffle?: boolean;
  seed?: number;
  /** Each epoch gets its own shuffle and its own augmentations, both fixed by (seed, epoch). */
  epoch?: number;
  /** Apply source.augmentation: training batches only. */
  augment?: boolean;
  /** Required when source.scale is "standardize"; fit them with fitChannelStats on training samples. */
  stats?: ChannelStats;
  /** Images decoded at once (default 4). */
  concurrency?: number;
  /** Collects skipped images; files already in it are not tried again. */
  bad?: BadImages;
}

/**
 * Streams batches of decoded images: only two batches are in memory at once (the one handed out
 * and the next, decoded meanwhile), so a folder of 100,000 images never sits in memory.
 * Bad images are skipped (the batch is then smaller) when source.skipBadImages, else E_IMG_DECODE.
 */
export async function* imageBatches(
  index: ImageIndex,
  source: ImageFolderSource,
  opts: BatchOptions,
): AsyncGenerator<ImageBatch> {
  const { batchSize, seed = 0, epoch = 0, concurrency = 4, bad = new Map() } = opts;
  if (!(batchSize >= 1)) throw new RangeError(`batchSize must be at least 1; received ${batchSize}`);
  if (source.scale === "standardize" && !opts.stats) {
    throw new Error("scale is 'standardize' but no channel statistics were given: fit them with fitChannelStats");
  }
  const all = opts.indices ? Int32Array.from(opts.indices) : Int32Array.from(index.files.keys());
  const order = opts.shuffle === false ? all : shuffled(all, seed, epoch);
  const known = order.filter((s) => !bad.has(index.files[s]));
  const [h, w] = source.targetSize;
  const c = channelsOf(source.color);
  const augment = opts.augment === true && augmentationEnabled(source.augmentation);

  const decodeBatch = async (start: number): Promise<ImageBatch> => {
    const samples = known.subarray(start, start + batchSize);
    const pixels = await mapLimit(Array.from(samples), concurrency, async (s) => {
      const file = index.files[s];
      try {
        const px = await decodeImage(join(index.root, file), source);
        if (augment) augmentImage(px, h, w, c, source.augmentation, sampleRandom(seed, epoch, s));
        return px;
      } catch (e) {
        if (!source.skipBadImages || !isDataError(e, "E_IMG_DECODE")) throw e;
        bad.set(file, e.message);
        return undefined;
      }
    });
    const kept = samples.filter((_, i) => pixels[i] !== undefined);
    const size = h * w * c;
    const x = new Float32Array(kept.length * size);
    let row = 0;
    for (const px of pixels) if (px) x.set(px, size * row++);
    if (opts.stats) standardize(x, opts.stats, c);
    const y = kept.map((s) => index.labels[s]);
    return { x, y, shape: [kept.length, h, w, c], samples: kept };
  };

  let pending: Promise<ImageBatch> | undefined = known.length > 0 ? decodeBatch(0) : undefined;
  let usable = 0;
  for (let start = 0; pending; start += batchSize) {
    const current = await pending;
    pending = start + batchSize < known.length ? decodeBatch(start + batchSize) : undefined;
    // If the consumer stops early, a failure of the batch decoded ahead must not go unhandled.
    pending?.catch(() => {});
    usable += current.y.length;
    if (current.y.length > 0) yield current;
  }
  // Skipping bad images must not turn into training (or evaluating) on nothing.
  if (usable === 0 && all.length > 0) {
    const first = index.files[all[0]];
    throw new DataError(
      "E_IMG_NONE_DECODED",
      `expected decodable images; received ${all.length} file(s) and none could be decoded (e.g. ${first}: ${bad.get(first) ?? "unreadable"}); fix or remove them`,
      index.root,
    );
  }
}

/**
 * Per-channel mean and standard deviation over (a seeded sample of at most maxImages of) the
 * given training samples, un-augmented, in [0, 1] units. Fit on the training split only, so no
 * statistic of the validation images leaks into training.
 */
export async function fitChannelStats(
  index: ImageIndex,
  source: ImageFolderSource,
  opts: { indices?: ArrayLike<number>; maxImages?: number; seed?: number; concurrency?: number; bad?: BadImages } = {},
): Promise<ChannelStats> {
  const { maxImages = 1000, seed = 0 } = opts;
  const all = opts.indices ? Int32Array.from(opts.indices) : Int32Array.from(index.files.keys());
  const pick = all.length > maxImages ? shuffled(all, seed, -1).subarray(0, maxImages) : all;
  const c = channelsOf(source.color);
  const sum = new Float64Array(c);
  const sumSq = new Float64Array(c);
  let images = 0;
  let values = 0;
  const plain: ImageFolderSource = { ...source, scale: "unit" };
  const batches = imageBatches(index, plain, {
    indices: pick,
    batchSize: 64,
    shuffle: false,
    concurrency: opts.concurrency,
    bad: opts.bad,
  });
  for await (const batch of batches) {
    images += batch.y.length;
    values += batch.x.length / c;
    for (let i = 0; i < batch.x.length; i++) {
      const v = batch.x[i];
      sum[i % c] += v;
      sumSq[i % c] += v * v;
    }
  }
  const mean = Array.from(sum, (s) => (values > 0 ? s / values : 0));
  // A constant channel (std 0) is divided by 1 instead, so it stays finite.
  const std = Array.from(sumSq, (s, k) => {
    const sd = values > 0 ? Math.sqrt(Math.max(0, s / values - mean[k] ** 2)) : 0;
    return sd > 1e-6 ? sd : 1;
  });
  return { mean, std, images };
}

/** The W_IMG_SKIPPED warning for the images skipped so far, or undefined when none was. */
export function skippedWarning(bad: BadImages, root: string): DataWarning | undefined {
  if (bad.size === 0) return undefined;
  const names = [...bad.keys()];
  const shown = names.slice(0, 10).join(", ") + (names.length > 10 ? `, and ${names.length - 10} more` : "");
  return {
    code: "W_IMG_SKIPPED",
    message: `${bad.size} image(s) could not be decoded and were skipped: ${shown}`,
    where: root,
  };
}

/** (x - mean) / std per channel, in place (channels last, c channels). */
export function standardize(x: Float32Array, stats: ChannelStats, c: number): void {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] - stats.mean[i % c]) / stats.std[i % c];
}

function shuffled(a: Int32Array, seed: number, epoch: number): Int32Array {
  const p = permutation(a.length, sampleRandom(seed, epoch, 0x5eed));
  return p.map((i) => a[i]);
}
