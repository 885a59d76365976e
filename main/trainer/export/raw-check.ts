import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { PipelineDescription } from "../../../shared/onnx/pipeline/types";
import type { ExportReply, RawTensor, SampleTensor } from "../../../shared/onnx/trainer-job";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { valuesInput } from "../run/evaluate-inputs";
import { netforgeAnswers } from "./raw-answers";
import { nest } from "./raw-arrays";
import { rawFeeds } from "./raw-feeds";
import { rawPairs } from "./raw-pairs";
import { rawSamples } from "./raw-samples";
import { type RawSamples, SHOWN_SAMPLES } from "./raw-types";

export type RawReply = NonNullable<NonNullable<ExportReply["sample"]>["raw"]>;

export interface RawCheckInput {
  compiled: Compiled;
  config: TrainingConfig;
  description: PipelineDescription;
  data: InlineDataset | DatasetSpec | undefined;
  samples: number;
  preprocessing: Record<string, unknown> | null;
  gan: boolean;
}

/**
 * The trainer's half of the raw check: samples read raw from the user's files, fed as the file's
 * inputs, and NetForge's own answers on them (the Try-it path). Null when the data gives no raw
 * samples (a GAN's noise, no data, a kind read elsewhere): the caller then checks on the
 * verification inputs as they are.
 */
export async function rawCheckSamples(c: RawCheckInput): Promise<RawReply | null> {
  if (!c.data || c.gan) return null;
  // Try it answers one Input; a seq2seq pair is answered beside it (raw-pairs.ts).
  if (!("kind" in c.data) && c.data.source.kind === "sentencePairs")
    return rawPairs(c.data.source, c.data, c, c.description);
  const raw = await rawSamples({
    data: c.data,
    config: c.config,
    samples: c.samples,
    preprocessing: c.preprocessing,
  });
  return raw ? answered(c, raw) : null;
}

/**
 * Without raw samples (no data, a GAN's noise), a file that takes its one input as given (data
 * with no preprocessing) is fed the verification inputs as raw values, and NetForge answers them
 * through Try it's path as values: the file's answers (probabilities, labels) are still checked.
 */
export async function givenCheck(
  c: RawCheckInput,
  sample: { source: string; inputs: SampleTensor[] },
): Promise<RawReply | null> {
  const port = c.description.inputs[0];
  const x = sample.inputs[0];
  // Try it answers a model with one Input and reads its first output only.
  const single = c.compiled.inputs.length === 1 && c.compiled.outputs.length === 1 && c.description.inputs.length === 1;
  if (c.preprocessing?.kind !== "none" || !single) return null;
  if (!x || port.dtype !== x.dtype) return null;
  const shape = x.shape.slice(1);
  const size = shape.reduce((a, b) => a * b, 1);
  const count = x.shape[0];
  const one = (i: number) => Array.from(x.data.subarray(i * size, (i + 1) * size));
  return answered(c, {
    source: `${sample.source === "random" ? "seeded random" : sample.source} inputs`,
    count,
    columns: [{ name: port.name, dtype: x.dtype, shape, data: x.data }],
    samples: Array.from({ length: count }, (_, i) => ({ kind: "values", x: nest(one(i), shape) as number[] })),
    shown: Array.from({ length: Math.min(SHOWN_SAMPLES, count) }, (_, i) => valuesInput(one(i), shape)),
  });
}

async function answered(c: RawCheckInput, raw: RawSamples): Promise<RawReply> {
  const feeds = rawFeeds(c.description.inputs, raw.columns, raw.count);
  const { expected, text } = await netforgeAnswers(
    { compiled: c.compiled, config: c.config, gan: c.gan, runData: c.data ?? null, preprocessing: c.preprocessing },
    raw,
    c.description.outputs,
  );
  return {
    source: raw.source,
    feeds,
    expected,
    shown: raw.shown.map((input, i) => ({ input, netforge: text[i] })),
  };
}

/**
 * Without raw samples (random inputs, a GAN's noise), a pipeline that passes its inputs through
 * (data saved with no preprocessing) is checked on the verification inputs as they are, its
 * outputs against the network's. Null when the pipeline transforms them (nothing to feed it).
 */
export function passThrough(
  description: PipelineDescription,
  sample: { source: string; inputs: SampleTensor[]; expected: SampleTensor[] },
): RawReply | null {
  const { inputs, outputs } = description;
  const same = (ports: typeof inputs, tensors: SampleTensor[]) =>
    ports.length === tensors.length && ports.every((p, i) => p.dtype === tensors[i].dtype);
  if (!same(inputs, sample.inputs) || !same(outputs, sample.expected)) return null;
  const rename = (tensors: SampleTensor[], ports: typeof inputs): RawTensor[] =>
    tensors.map((t, i) => ({ ...t, name: ports[i].name }));
  return {
    source: `${sample.source} inputs`,
    feeds: rename(sample.inputs, inputs),
    expected: rename(sample.expected, outputs),
    shown: [],
  };
}
