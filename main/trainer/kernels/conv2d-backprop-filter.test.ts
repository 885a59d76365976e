import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { conv2dWith, convolve, window2d } from "../layers/conv-ops";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { stockKernel } from "./kernel-util";

/**
 * The fast Conv2DBackpropFilter (one forward convolution) against tfjs' stock cpu kernel, the
 * reference: max |fast - stock| <= 1e-5 * max |stock| over stride, padding and kernel configs,
 * on both backends. The kernel has no dilation attr; dilated convolutions reach it through
 * spaceToBatchND (conv-ops.ts), checked against the stock kernel on the dilated (effective) kernel.
 */

interface Config {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number;
}

const CONFIGS: Config[] = [
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: 1, pad: "valid" },
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same" },
  { x: [2, 8, 9, 3], filter: [3, 3, 3, 2], strides: 2, pad: "valid" },
  { x: [2, 7, 8, 2], filter: [3, 3, 2, 3], strides: 2, pad: "same" },
  { x: [3, 9, 7, 2], filter: [3, 2, 2, 3], strides: [2, 1], pad: "same" },
  { x: [2, 8, 8, 2], filter: [5, 5, 2, 2], strides: 3, pad: "same" },
  { x: [2, 7, 7, 2], filter: [3, 3, 2, 2], strides: 2, pad: 1 },
  { x: [2, 6, 6, 4], filter: [1, 1, 4, 3], strides: 2, pad: "valid" },
  // kh·kw·Cin <= 16 and Cout % 4 == 0: wasm's tallGemm (simd-gemm.ts), over more than one chunk
  { x: [4, 12, 12, 1], filter: [3, 3, 1, 8], strides: 1, pad: "valid" },
  { x: [3, 8, 7, 1], filter: [3, 3, 1, 4], strides: 2, pad: "same" },
  { x: [2, 7, 7, 4], filter: [2, 2, 4, 4], strides: 1, pad: "same" },
];

const label = (c: Config) => `x ${c.x.join("x")} filter ${c.filter.join("x")} strides ${c.strides} pad ${c.pad}`;

/** Seeded x and dy for a config, dy shaped as the forward output. */
function operands(c: Config) {
  const rng = seededRandom(c.x.reduce((a, b) => a * 31 + b, 7));
  const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
  return { x: normalValues(c.x, rng), dy: normalValues(info.outShape, rng) };
}

/** Runs a Conv2DBackpropFilter kernel config on the active backend (seeded operands by default). */
function run(
  kernel: tf.KernelConfig,
  c: Config,
  ops: { x: Float32Array; dy: Float32Array; outShape?: number[] } = operands(c),
): Float32Array {
  const dyShape = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad).outShape;
  const [xt, dyt] = [tf.tensor(ops.x, c.x), tf.tensor(ops.dy, dyShape)];
  const backend = tf.backend();
  const attrs = { strides: c.strides, pad: c.pad, dataFormat: "NHWC", filterShape: c.filter };
  const out = kernel.kernelFunc({ inputs: { x: xt, dy: dyt }, attrs: attrs as never, backend }) as tf.TensorInfo;
  const values = Float32Array.from(backend.readSync(out.dataId) as Float32Array);
  backend.disposeData(out.dataId);
  tf.dispose([xt, dyt]);
  expect(out.shape).toEqual(c.filter);
  return values;
}

function relativeError(got: Float32Array, want: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return diff / scale;
}

interface Dilated {
  x: [number, number, number, number];
  w: [number, number, number, number];
  rates: [number, number];
  pad: "valid" | "same";
}

const DILATED: Dilated[] = [
  { x: [2, 9, 10, 2], w: [3, 3, 2, 3], rates: [2, 2], pad: "valid" },
  { x: [2, 8, 9, 2], w: [3, 2, 2, 3], rates: [2, 3], pad: "same" },
];

/** The dilated kernel as the k_eff x k_eff kernel whose taps every `rate` rows/columns are used. */
const effective = (d: Dilated): [number, number, number, number] => [
  (d.w[0] - 1) * d.rates[0] + 1,
  (d.w[1] - 1) * d.rates[1] + 1,
  d.w[2],
  d.w[3],
];

function dilatedOperands(d: Dilated) {
  const rng = seededRandom(11);
  const outShape = tf.backend_util.computeConv2DInfo(d.x, effective(d), 1, 1, d.pad).outShape;
  return { x: normalValues(d.x, rng), w: normalValues(d.w, rng), dy: normalValues(outShape, rng), outShape };
}

const reference = new Map<Config, Float32Array>();
const dilatedReference = new Map<Dilated, Float32Array>();

beforeAll(async () => {
  await useBackend("cpu");
  const stock = stockKernel("Conv2DBackpropFilter", "cpu") as tf.KernelConfig;
  for (const c of CONFIGS) reference.set(c, run(stock, c));
  for (const d of DILATED) {
    const eff = effective(d);
    const full = run(stock, { x: d.x, filter: eff, strides: 1, pad: d.pad }, dilatedOperands(d));
    // Keep the taps: rows 0, r, 2r, ... and columns 0, c, 2c, ... of the effective kernel.
    const taps = new Float32Array(d.w.reduce((a, b) => a * b, 1));
    const [, kw, cin, cout] = d.w;
    const inner = cin * cout;
    for (let i = 0; i < d.w[0]; i++)
      for (let j = 0; j < kw; j++)
        for (let q = 0; q < inner; q++)
          taps[(i * kw + j) * inner + q] = full[(i * d.rates[0] * eff[1] + j * d.rates[1]) * inner + q];
    dilatedReference.set(d, taps);
  }
});

describe.each(["cpu", "wasm"] as const)("fast Conv2DBackpropFilter on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("replaces the backend's kernel", () => {
    expect(tf.getKernel("Conv2DBackpropFilter", backend)).not.toBe(stockKernel("Conv2DBackpropFilter", "cpu"));
  });

  it.each(CONFIGS.map((c) => [label(c), c] as const))("equals the stock cpu kernel: %s", (_label, c) => {
    const fast = run(tf.getKernel("Conv2DBackpropFilter", backend) as tf.KernelConfig, c);
    expect(relativeError(fast, reference.get(c) as Float32Array)).toBeLessThan(1e-5);
  });

  it.each(DILATED.map((d) => [d.pad, d.rates, d] as const))(
    "dilated conv2d filter gradient (%s, rates %j) equals the stock kernel on the dilated kernel",
    (_pad, _rates, d) => {
      const { x, w, dy, outShape } = dilatedOperands(d);
      const [xt, wt, dyt] = [tf.tensor4d(x, d.x), tf.tensor4d(w, d.w), tf.tensor(dy, outShape)];
      const conv = (kernel: tf.Tensor) =>
        convolve(xt, window2d([d.w[0], d.w[1]], [1, 1], d.rates, d.pad), conv2dWith(kernel as tf.Tensor4D));
      const dW = tf.tidy(() =>
        tf
          .grad((kernel: tf.Tensor) => tf.sum(tf.mul(conv(kernel), dyt)))(wt)
          .dataSync(),
      );
      expect(relativeError(dW as Float32Array, dilatedReference.get(d) as Float32Array)).toBeLessThan(1e-5);
      tf.dispose([xt, wt, dyt]);
    },
  );
});
