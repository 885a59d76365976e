import * as ort from "onnxruntime-node";
import type { OutputValues } from "../../shared/onnx/compare";
import type { RawTensor, SampleTensor } from "../../shared/onnx/trainer-job";

/** An output as onnxruntime returned it: numbers, or strings for a label output. */
export interface RunOutput {
  name: string;
  shape: number[];
  data: ArrayLike<number> | BigInt64Array | string[];
}

/**
 * Runs an ONNX file (a path or its bytes) in onnxruntime-node (the CPU build that ships in its npm package) on the
 * verification inputs and returns the requested outputs. The host checks exported files this
 * way: an implementation of ONNX independent of the exporter and of tfjs.
 */
export async function runOnnx(
  model: string | Uint8Array,
  inputs: readonly SampleTensor[],
  outputNames: readonly string[],
): Promise<OutputValues[]> {
  return (await runOnnxRaw(model, inputs, outputNames)) as OutputValues[];
}

/** runOnnx for raw feeds too: strings (categorical columns), uint8 pixels, int64 ids; outputs as they come. */
export async function runOnnxRaw(
  model: string | Uint8Array,
  inputs: readonly (SampleTensor | RawTensor)[],
  outputNames: readonly string[],
): Promise<RunOutput[]> {
  const session =
    typeof model === "string" ? await ort.InferenceSession.create(model) : await ort.InferenceSession.create(model);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const x of inputs) feeds[x.name] = new ort.Tensor(x.dtype, x.data, x.shape);
    const results = await session.run(feeds, [...outputNames]);
    return outputNames.map((name) => {
      const t = results[name];
      return { name, shape: t.dims.map(Number), data: t.data as RunOutput["data"] };
    });
  } finally {
    await session.release();
  }
}
