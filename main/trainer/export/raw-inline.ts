import type { InlineDataset } from "../../../shared/datasets/inline";
import type { TrainingConfig } from "../../../shared/training/config";
import { flatten, valuesInput } from "../run/evaluate-inputs";
import { describeSource, type RawColumn, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

/**
 * Inline samples are fed as given (NetForge saves no preprocessing for them): the validation
 * samples the project lists, else the last fraction training held out (main/trainer/run/data.ts
 * prepareData), else the training samples.
 */
export function rawInline(data: InlineDataset, config: TrainingConfig, n: number, what: string): RawSamples | null {
  const total = data.x.length;
  const nVal = config.validation.type === "split" ? Math.floor(total * config.validation.fraction) : 0;
  const own = config.validation.type !== "none" && data.validation ? data.validation.x : null;
  const held = nVal > 0 && nVal < total ? data.x.slice(total - nVal) : null;
  const part = own ?? held;
  const xs = (part ?? data.x).slice(0, n) as unknown[];
  if (xs.length === 0) return null;
  const flat = xs.map((x) => flatten(x));
  const shape = flat[0].shape;
  if (flat.some((f) => f.shape.join() !== shape.join())) return null;
  const column: RawColumn = {
    name: "x",
    dtype: "float32",
    shape,
    data: Float32Array.from(flat.flatMap((f) => f.values)),
  };
  return {
    source: describeSource(part ? "validation" : "training", what),
    count: xs.length,
    columns: [column],
    samples: xs.map((x) => ({ kind: "values", x: x as number[] })),
    shown: flat.slice(0, SHOWN_SAMPLES).map((f) => valuesInput(f.values, f.shape)),
  };
}
