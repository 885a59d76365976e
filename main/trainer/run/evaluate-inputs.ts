import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import { EVALUATION_LIMITS, type SampleInput } from "../../../shared/evaluation/report";
import { channelsOf, decodeImage } from "../../data/image-folder/decode";

/**
 * Samples as the user knows them, for the worst-mistakes list: images become small thumbnails
 * in [0, 1], other arrays their (capped) values. Kept small: a report carries a dozen of them.
 */
const THUMB = EVALUATION_LIMITS.thumbnail;

/** A nested-array sample (inline data) flattened with its shape. */
export function flatten(sample: unknown): { values: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let v = sample; Array.isArray(v); v = v[0]) shape.push(v.length);
  const values = (Array.isArray(sample) ? sample.flat(Number.POSITIVE_INFINITY) : [sample]) as number[];
  return { values, shape };
}

/** [h, w] or [h, w, 1|3|4] of at least 8x8 reads as an image; anything else as values. */
function imageShape(shape: readonly number[]): [number, number, number] | null {
  const [h, w, c = 1] = shape;
  if (shape.length < 2 || shape.length > 3 || h < 8 || w < 8 || ![1, 3, 4].includes(c)) return null;
  return [h, w, c];
}

/** A sample's values shown as an image when it looks like one (min-max scaled, shrunk), else capped. */
export function valuesInput(values: ArrayLike<number>, shape: readonly number[]): SampleInput {
  const image = imageShape(shape);
  if (!image) {
    const cap = EVALUATION_LIMITS.sampleValues;
    return {
      kind: "values",
      shape: [...shape],
      values: Array.from(values).slice(0, cap),
      truncated: values.length > cap,
    };
  }
  const [h, w, c] = image;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  // Pixels already in [0, 1] keep their brightness; others (0..255, standardized) are stretched.
  const unit = lo >= 0 && hi <= 1;
  const scale = (v: number) => (unit ? v : hi > lo ? (v - lo) / (hi - lo) : 0);
  const step = Math.max(1, Math.ceil(Math.max(h, w) / THUMB));
  const th = Math.ceil(h / step);
  const tw = Math.ceil(w / step);
  const out = new Array<number>(th * tw * c);
  // Nearest-neighbour shrink: a thumbnail for recognising the sample, not for measuring it.
  for (let y = 0; y < th; y++)
    for (let x = 0; x < tw; x++)
      for (let k = 0; k < c; k++) out[(y * tw + x) * c + k] = round(scale(values[(y * step * w + x * step) * c + k]));
  return { kind: "image", shape: [th, tw, c], values: out };
}

/** A thumbnail of an image file, decoded as the run's source reads it but at most THUMB pixels a side. */
export async function imageFileInput(
  file: string,
  source: Pick<ImageFolderSource, "targetSize" | "color" | "resize">,
  name: string,
): Promise<SampleInput> {
  const [h, w] = source.targetSize;
  const f = Math.min(1, THUMB / Math.max(h, w));
  const size: [number, number] = [Math.max(1, Math.round(h * f)), Math.max(1, Math.round(w * f))];
  const px = await decodeImage(file, { ...source, targetSize: size });
  return {
    kind: "image",
    shape: [size[0], size[1], channelsOf(source.color)],
    values: Array.from(px, round),
    file: name,
  };
}

// Three decimals are plenty for a thumbnail and keep the JSON small.
const round = (v: number) => Math.round(v * 1000) / 1000;
