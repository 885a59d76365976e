import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import type { TrainingConfig } from "../../../shared/training/config";
import { loadIdx } from "../../data/idx/read";
import { loadNpy } from "../../data/npy/load";
import { valuesInput } from "../run/evaluate-inputs";
import { describeSource, firstOfPart, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

type ArraySource = Extract<DatasetSpec["source"], { kind: "idx" | "npy" }>;

/**
 * IDX and NumPy samples as their files hold them: IDX images as uint8 grey levels [rows, cols]
 * (NetForge gets the same pixels, as Try it takes raw pixels); npy arrays as their values (the
 * run fed them as given). The first samples of the validation part (else training part), split
 * as dataset.ts splits arrays (stratified by class for classification).
 */
export async function rawArrays(
  source: ArraySource,
  spec: DatasetSpec,
  config: TrainingConfig,
  n: number,
): Promise<RawSamples | null> {
  const loaded =
    source.kind === "idx"
      ? await idxArrays(source)
      : await loadNpy(source).then((d) => ({
          x: d.x.data,
          shape: d.x.shape.slice(1),
          labels: d.task === "classification" ? d.y?.data : undefined,
          file: source.x,
        }));
  const size = loaded.shape.reduce((a, b) => a * b, 1);
  const count = loaded.x.length / Math.max(1, size);
  const parts = splitIndices(count, spec.split, loaded.labels);
  const { picked, part } = firstOfPart(parts, config, n);
  if (picked.length === 0) return null;
  const sample = (i: number) => loaded.x.subarray(i * size, (i + 1) * size);
  const idx = source.kind === "idx";
  const data = idx ? new Uint8Array(picked.length * size) : new Float32Array(picked.length * size);
  for (const [k, i] of picked.entries()) data.set(sample(i), k * size);
  return {
    source: describeSource(part, idx ? "images" : "samples", loaded.file),
    count: picked.length,
    columns: [{ name: idx ? "pixels" : "x", dtype: idx ? "uint8" : "float32", shape: loaded.shape, data }],
    samples: picked.map((i) =>
      idx
        ? { kind: "pixels", shape: loaded.shape, pixels: Array.from(sample(i)) }
        : { kind: "values", x: nest(Array.from(sample(i)), loaded.shape) as number[] },
    ),
    shown: picked.slice(0, SHOWN_SAMPLES).map((i) => valuesInput(sample(i), loaded.shape)),
  };
}

async function idxArrays(source: Extract<ArraySource, { kind: "idx" }>) {
  const d = await loadIdx({ ...source, scale: "none" });
  const [, rows, cols] = d.xShape;
  return { x: d.x as Uint8Array, shape: [rows, cols], labels: d.y, file: source.images };
}

/** Flat values as nested arrays of `shape` (a sample as inline data writes it). */
export function nest(values: number[], shape: readonly number[]): unknown {
  if (shape.length <= 1) return values;
  const step = values.length / shape[0];
  return Array.from({ length: shape[0] }, (_, i) => nest(values.slice(i * step, (i + 1) * step), shape.slice(1)));
}
