import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { stockKernel } from "./kernel-util";

/**
 * NetForge's depthwise gradient kernels (depthwise-grads.ts) against tfjs' stock cpu kernels, the
 * reference, over strides, padding, dilation and depth multipliers, on cpu and wasm (where tfjs
 * has no such kernels at all). Agreement: max |ours - stock| <= 1e-5 * max |stock|.
 */

interface Config {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number;
  dilations: number;
  pad: "valid" | "same";
}

const CONFIGS: Config[] = [
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 1], strides: 1, dilations: 1, pad: "valid" },
  { x: [2, 7, 8, 3], filter: [3, 3, 3, 2], strides: 2, dilations: 1, pad: "same" },
  { x: [2, 9, 8, 2], filter: [3, 2, 2, 2], strides: 1, dilations: 2, pad: "same" },
  { x: [3, 9, 9, 2], filter: [5, 5, 2, 1], strides: 3, dilations: 1, pad: "same" },
];

const KERNELS = ["DepthwiseConv2dNativeBackpropFilter", "DepthwiseConv2dNativeBackpropInput"] as const;
type Which = (typeof KERNELS)[number];

function operands(c: Config, filterValues?: Float32Array) {
  const rng = seededRandom(c.x.reduce((a, b) => a * 17 + b, 3));
  const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad, undefined, true);
  return {
    x: tf.tensor(normalValues(c.x, rng), c.x),
    dy: tf.tensor(normalValues(info.outShape, rng), info.outShape),
    filter: tf.tensor(filterValues ?? normalValues(c.filter, rng), c.filter),
  };
}

/**
 * The stock kernels ignore `dilations` in their loops (tfjs never calls them dilated: the op's
 * gradient refuses). A dilated kernel is an undilated one of size k_eff with zeros between the
 * taps, so the reference runs the stock kernel on that: its filter gradient at the taps, its input
 * gradient with the zero-filled filter.
 */
function reference(which: Which, c: Config): Float32Array {
  const stock = stockKernel(which, "cpu") as tf.KernelConfig;
  if (c.dilations === 1) return run(stock, which, c);
  const d = c.dilations;
  const [kh, kw, ch, m] = c.filter;
  const eff: Config["filter"] = [(kh - 1) * d + 1, (kw - 1) * d + 1, ch, m];
  const inner = ch * m;
  const at = (i: number, j: number, width: number) => (i * width + j) * inner;
  const ops = operands(c);
  const small = ops.filter.dataSync();
  tf.dispose([ops.x, ops.dy, ops.filter]);
  const wide = new Float32Array(eff.reduce((a, b) => a * b, 1));
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++) wide.set(small.subarray(at(i, j, kw), at(i, j, kw) + inner), at(i * d, j * d, eff[1]));
  const full = run(stock, which, { ...c, filter: eff, dilations: 1 }, wide);
  if (which === "DepthwiseConv2dNativeBackpropInput") return full;
  const taps = new Float32Array(small.length);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      taps.set(full.subarray(at(i * d, j * d, eff[1]), at(i * d, j * d, eff[1]) + inner), at(i, j, kw));
  return taps;
}

function run(kernel: tf.KernelConfig, which: Which, c: Config, filterValues?: Float32Array): Float32Array {
  const { x, filter, dy } = operands(c, filterValues);
  const backend = tf.backend();
  const common = { strides: c.strides, dilations: c.dilations, pad: c.pad };
  const out = (
    which === "DepthwiseConv2dNativeBackpropFilter"
      ? kernel.kernelFunc({ inputs: { x, dy }, attrs: { ...common, filterShape: c.filter }, backend })
      : kernel.kernelFunc({ inputs: { dy, filter }, attrs: { ...common, inputShape: c.x }, backend })
  ) as tf.TensorInfo;
  expect(out.shape).toEqual(which === "DepthwiseConv2dNativeBackpropFilter" ? c.filter : c.x);
  const values = Float32Array.from(backend.readSync(out.dataId) as Float32Array);
  backend.disposeData(out.dataId);
  tf.dispose([x, filter, dy]);
  return values;
}

const rows = KERNELS.flatMap((k) =>
  CONFIGS.map(
    (c) =>
      [`${k}: x ${c.x.join("x")} filter ${c.filter.join("x")} s${c.strides} d${c.dilations} ${c.pad}`, k, c] as const,
  ),
);
const referenceValues = new Map<string, Float32Array>();

beforeAll(async () => {
  await useBackend("cpu");
  for (const [title, k, c] of rows) referenceValues.set(title, reference(k, c));
});

describe.each(["cpu", "wasm"] as const)("depthwise gradient kernels on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(rows)("%s", (title, k, c) => {
    const ours = tf.getKernel(k, backend) as tf.KernelConfig;
    expect(ours).not.toBe(stockKernel(k, "cpu"));
    const got = run(ours, k, c);
    const want = referenceValues.get(title) as Float32Array;
    let [diff, scale] = [0, 0];
    want.forEach((v, i) => {
      diff = Math.max(diff, Math.abs(got[i] - v));
      scale = Math.max(scale, Math.abs(v));
    });
    expect(diff / scale).toBeLessThan(1e-5);
  });
});
