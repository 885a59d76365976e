import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { stockKernel } from "./kernel-util";

/**
 * NetForge's replacement kernels against tfjs' stock cpu kernels (the reference), to 1e-5 of the
 * largest reference value, on every backend that registers them: BatchMatMul / _FusedMatMul
 * with transposes, Conv2DBackpropInput, MaxPoolGrad (SIMD and JS paths), Sum over leading axes,
 * Slice and SplitV.
 * Operands are seeded; the reference runs in beforeAll on cpu with the stock kernel called directly.
 */

type Operand = { values: Float32Array; shape: number[] };
interface Case {
  title: string;
  kernel: string;
  backends: ("cpu" | "wasm")[];
  inputs: Record<string, Operand>;
  attrs: Record<string, unknown>;
}

const rng = seededRandom(2024);
const normal = (shape: number[]): Operand => ({ values: normalValues(shape, rng), shape });
/** Values from {-2..2}: most pooling windows hold ties. */
const ties = (shape: number[]): Operand => ({
  values: Float32Array.from(normalValues(shape, rng), (v) => Math.round(v * 1.5)),
  shape,
});
const negative = (shape: number[]): Operand => ({
  values: Float32Array.from(normalValues(shape, rng), (v) => -1 - Math.abs(v)),
  shape,
});

const matmul = (a: number[], b: number[], transposeA: boolean, transposeB: boolean): Case => ({
  title: `BatchMatMul ${a}x${b} tA=${transposeA} tB=${transposeB}`,
  kernel: "BatchMatMul",
  backends: ["wasm"],
  inputs: { a: normal(a), b: normal(b) },
  attrs: { transposeA, transposeB },
});

function convInput(x: number[], filter: number[], strides: number | number[], pad: "valid" | "same" | number): Case {
  const info = tf.backend_util.computeConv2DInfo(x as never, filter as never, strides as never, 1, pad);
  return {
    title: `Conv2DBackpropInput x ${x} filter ${filter} strides ${strides} pad ${pad}`,
    kernel: "Conv2DBackpropInput",
    backends: ["wasm"],
    inputs: { dy: normal(info.outShape), filter: normal(filter) },
    attrs: { strides, pad, dataFormat: "NHWC", inputShape: x },
  };
}

/** MaxPoolGrad needs the forward output; it is computed with the stock cpu MaxPool in beforeAll. */
function maxPool(title: string, x: Operand, filterSize: number, strides: number, pad: "valid" | "same"): Case {
  const info = tf.backend_util.computePool2DInfo(x.shape as never, filterSize, strides, 1, pad);
  return {
    title: `MaxPoolGrad ${title} ${x.shape} ${filterSize}x${filterSize} s${strides} ${pad}`,
    kernel: "MaxPoolGrad",
    backends: ["cpu", "wasm"],
    inputs: { input: x, dy: normal(info.outShape) },
    attrs: { filterSize, strides, pad },
  };
}

const sum = (shape: number[], axis: number[], keepDims = false): Case => ({
  title: `Sum ${shape} over ${axis}${keepDims ? " keepDims" : ""}`,
  kernel: "Sum",
  backends: ["cpu", "wasm"],
  inputs: { x: normal(shape) },
  attrs: { axis, keepDims },
});

const CASES: Case[] = [
  matmul([5, 7], [9, 7], false, true),
  matmul([7, 5], [7, 9], true, false),
  matmul([7, 5], [9, 7], true, true),
  matmul([1, 5, 7], [1, 9, 7], false, true),
  // a wide right operand: computed as (B·Aᵀ)ᵀ (matmul.ts swapCheaper)
  matmul([4, 6], [40, 6], false, true),
  matmul([1, 4, 6], [1, 40, 6], false, true),
  matmul([3, 7, 5], [3, 7, 2], true, false),
  {
    title: "_FusedMatMul tB with bias and relu",
    kernel: "_FusedMatMul",
    backends: ["wasm"],
    inputs: { a: normal([1, 6, 4]), b: normal([1, 5, 4]), bias: normal([5]) },
    attrs: { transposeA: false, transposeB: true, activation: "relu" },
  },
  convInput([2, 7, 7, 8], [3, 3, 8, 4], 1, "valid"),
  convInput([2, 7, 6, 3], [3, 3, 3, 4], 2, "same"),
  convInput([2, 8, 8, 5], [5, 5, 5, 2], 3, "same"),
  convInput([3, 9, 7, 4], [3, 2, 4, 3], [2, 1], "same"),
  convInput([2, 6, 6, 4], [1, 1, 4, 3], 2, "valid"),
  convInput([2, 7, 7, 2], [3, 3, 2, 2], 2, 1),
  maxPool("SIMD", normal([2, 6, 6, 8]), 2, 2, "valid"),
  maxPool("SIMD odd size", normal([2, 5, 5, 4]), 2, 2, "valid"),
  maxPool("SIMD overlapping", normal([2, 7, 7, 4]), 3, 2, "same"),
  maxPool("SIMD ties", ties([2, 6, 6, 8]), 2, 1, "valid"),
  maxPool("SIMD all-negative", negative([2, 6, 6, 4]), 2, 2, "valid"),
  maxPool("JS ties", ties([2, 6, 5, 3]), 3, 2, "same"),
  sum([4, 5, 6, 3], [0, 1, 2]),
  sum([128, 10], [0]),
  sum([4, 5, 6, 3], [0, 1], true),
  sum([4, 5, 6, 3], [1, 2]),
  ...(
    [
      [
        [4, 5, 6],
        [1, 0, 2],
        [2, 5, 3],
      ],
      [
        [4, 5, 6],
        [0, 2, 0],
        [4, 2, 6],
      ],
      [
        [3, 4, 5, 6],
        [1, 1, 0, 3],
        [2, 2, 5, 2],
      ],
      [
        [7, 9],
        [2, 0],
        [3, 9],
      ],
    ] as const
  ).map(
    ([shape, begin, size]): Case => ({
      title: `Slice ${shape} at ${begin} size ${size}`,
      kernel: "Slice",
      backends: ["cpu", "wasm"],
      inputs: { x: normal([...shape]) },
      attrs: { begin, size },
    }),
  ),
  {
    title: "SplitV [6, 12] into 3, 4, 5 along the last axis (a GRU's gates)",
    kernel: "SplitV",
    backends: ["cpu", "wasm"],
    inputs: { x: normal([6, 12]) },
    attrs: { numOrSizeSplits: [3, 4, 5], axis: 1 },
  },
  {
    title: "SplitV [4, 3, 5] in 2 along axis 0",
    kernel: "SplitV",
    backends: ["cpu", "wasm"],
    inputs: { x: normal([4, 3, 5]) },
    attrs: { numOrSizeSplits: 2, axis: 0 },
  },
];

const reference = new Map<Case, Float32Array>();

/** Runs `kernel` (a KernelConfig, or the registered kernel when omitted) on the active backend. */
function run(c: Case, kernel?: tf.KernelConfig): Float32Array {
  return tf.tidy(() => {
    const inputs: tf.NamedTensorMap = {};
    for (const [k, v] of Object.entries(c.inputs)) inputs[k] = tf.tensor(v.values, v.shape);
    if (c.kernel === "MaxPoolGrad") {
      const a = c.attrs as { filterSize: number; strides: number; pad: "valid" | "same" };
      inputs.output = tf.maxPool(inputs.input as tf.Tensor4D, a.filterSize, a.strides, a.pad);
    }
    const attrs = c.attrs as tf.NamedAttrMap;
    // Several outputs (SplitV) are compared as one concatenated array.
    const flat = (outs: Float32Array[]) => Float32Array.from(outs.flatMap((o) => Array.from(o)));
    if (!kernel) {
      const out = tf.engine().runKernel(c.kernel, inputs, attrs) as tf.Tensor | tf.Tensor[];
      return flat((Array.isArray(out) ? out : [out]).map((t) => Float32Array.from(t.dataSync())));
    }
    const backend = tf.backend();
    const out = kernel.kernelFunc({ inputs, attrs, backend }) as tf.TensorInfo | tf.TensorInfo[];
    return flat(
      (Array.isArray(out) ? out : [out]).map((t) => {
        const values = Float32Array.from(backend.readSync(t.dataId) as Float32Array);
        backend.disposeData(t.dataId);
        return values;
      }),
    );
  });
}

function relativeError(got: Float32Array, want: Float32Array): number {
  expect(got.length).toBe(want.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return diff / scale;
}

beforeAll(async () => {
  await useBackend("cpu");
  for (const c of CASES) reference.set(c, run(c, stockKernel(c.kernel, "cpu") as tf.KernelConfig));
});

describe.each(["cpu", "wasm"] as const)("replacement kernels on %s equal the stock cpu kernels", (backend) => {
  beforeAll(() => useBackend(backend));
  const cases = CASES.filter((c) => c.backends.includes(backend));

  it.each(cases.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    expect(tf.getKernel(c.kernel, backend)).not.toBe(stockKernel(c.kernel, backend));
    expect(relativeError(run(c), reference.get(c) as Float32Array)).toBeLessThan(1e-5);
  });

  it("the comparison can fail: a transposed operand read as untransposed is caught", () => {
    const c = CASES[0];
    const wrong = {
      ...c,
      inputs: { a: c.inputs.a, b: { ...c.inputs.b, shape: [7, 9] } },
      attrs: { transposeA: false, transposeB: false },
    };
    if (backend === "wasm") expect(relativeError(run(wrong), reference.get(c) as Float32Array)).toBeGreaterThan(0.1);
  });
});
