import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import {
  describeFailures,
  distinctValues,
  type GradCase,
  gradCheck,
  modelLike,
  normalValues,
  type OpUnderTest,
  seededRandom,
} from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { stockKernel } from "./kernel-util";

/**
 * Finite-difference gradient checks, on cpu AND wasm, of every op the convolution, pooling and
 * spatial builders use and of every kernel NetForge patches (probe, section 2.3: several stock
 * tfjs 4.22 gradients are silently wrong). Layer rows go through the real builders: a graph
 * Input -> layer is compiled and differentiated w.r.t. its input and all its weights (batch 2).
 */

type Row = [
  title: string,
  kind: string,
  params: Record<string, unknown>,
  sample: number[],
  values?: GradCase["values"],
];

// Max pooling: values 0.1 apart so eps = 0.01 never changes a window's maximum.
const distinct = distinctValues(-3, 0.1);
const negative = distinctValues(-30, 0.1); // every window all-negative (wasm's MaxPoolGrad bug)

const LAYER_ROWS: Row[] = [
  ["conv2d valid, stride 1", "Conv2D", { filters: 2, kernelSize: 3 }, [5, 5, 2]],
  ["conv2d same, stride 2", "Conv2D", { filters: 2, kernelSize: 3, strides: 2, padding: "same" }, [6, 5, 2]],
  // 4 input channels: the SIMD lanes of wasm's col2im Conv2DBackpropInput.
  [
    "conv2d same, stride 2, 4 channels",
    "Conv2D",
    { filters: 3, kernelSize: 3, strides: 2, padding: "same" },
    [6, 5, 4],
  ],
  ["conv2d valid, kernel 3x2, strides 2x1", "Conv2D", { filters: 2, kernelSize: [3, 2], strides: [2, 1] }, [7, 6, 2]],
  ["conv2d dilation 2, valid", "Conv2D", { filters: 2, kernelSize: 3, dilationRate: 2 }, [7, 8, 2]],
  [
    "conv2d dilation [2, 3], same",
    "Conv2D",
    { filters: 2, kernelSize: 3, dilationRate: [2, 3], padding: "same" },
    [6, 7, 2],
  ],
  ["conv1d valid", "Conv1D", { filters: 3, kernelSize: 3 }, [8, 2]],
  ["conv1d same, stride 2", "Conv1D", { filters: 3, kernelSize: 3, strides: 2, padding: "same" }, [9, 2]],
  ["conv1d causal, dilation 2", "Conv1D", { filters: 3, kernelSize: 3, padding: "causal", dilationRate: 2 }, [9, 2]],
  ["conv1d causal, stride 2", "Conv1D", { filters: 2, kernelSize: 2, padding: "causal", strides: 2 }, [7, 2]],
  [
    "conv2dTranspose same, stride 2",
    "Conv2DTranspose",
    { filters: 2, kernelSize: 3, strides: 2, padding: "same" },
    [3, 4, 2],
  ],
  ["conv2dTranspose valid, stride 1", "Conv2DTranspose", { filters: 2, kernelSize: 3 }, [3, 3, 2]],
  [
    "depthwise x2, same, stride 2",
    "DepthwiseConv2D",
    { kernelSize: 3, depthMultiplier: 2, strides: 2, padding: "same" },
    [6, 6, 2],
  ],
  ["depthwise dilation 2, valid", "DepthwiseConv2D", { kernelSize: 3, dilationRate: 2 }, [7, 7, 2]],
  ["depthwise dilation 2, same", "DepthwiseConv2D", { kernelSize: 2, dilationRate: 2, padding: "same" }, [5, 6, 2]],
  ["separable x2", "SeparableConv2D", { filters: 3, kernelSize: 3, depthMultiplier: 2 }, [5, 5, 2]],
  [
    "separable dilation 2, same",
    "SeparableConv2D",
    { filters: 2, kernelSize: 3, dilationRate: 2, padding: "same" },
    [6, 6, 2],
  ],
  ["tiled t=2", "TiledConv2D", { filters: 2, kernelSize: 3, tiles: 2 }, [6, 6, 2]],
  [
    "tiled t=3, same, stride 2",
    "TiledConv2D",
    { filters: 2, kernelSize: 3, tiles: 3, strides: 2, padding: "same" },
    [7, 7, 1],
  ],
  ["maxPool2d valid", "MaxPooling2D", {}, [4, 6, 2], distinct],
  // 4 channels: wasm's SIMD MaxPoolGrad path (simd-gather.ts), 2 channels the JS loop.
  ["maxPool2d valid, 4 channels", "MaxPooling2D", {}, [4, 6, 4], distinct],
  [
    "maxPool2d 3x3 s2 same, 4 channels, all-negative",
    "MaxPooling2D",
    { poolSize: 3, strides: 2, padding: "same" },
    [5, 5, 4],
    negative,
  ],
  ["maxPool2d valid, all-negative", "MaxPooling2D", {}, [4, 6, 2], negative],
  [
    "maxPool2d 3x3 s2 same, all-negative",
    "MaxPooling2D",
    { poolSize: 3, strides: 2, padding: "same" },
    [5, 5, 2],
    negative,
  ],
  ["maxPool1d same", "MaxPooling1D", { padding: "same" }, [5, 3], distinct],
  ["avgPool2d valid", "AveragePooling2D", {}, [4, 4, 2]],
  ["avgPool2d 3x3 s2 same", "AveragePooling2D", { poolSize: 3, strides: 2, padding: "same" }, [5, 6, 2]],
  ["avgPool2d 2x2 same (odd size)", "AveragePooling2D", { padding: "same" }, [5, 5, 2]],
  ["avgPool1d 4 s2 same", "AveragePooling1D", { poolSize: 4, strides: 2, padding: "same" }, [9, 2]],
  ["upSampling nearest 2x3, batch 2", "UpSampling2D", { size: [2, 3] }, [3, 2, 2]],
  ["upSampling bilinear 2x2, batch 2", "UpSampling2D", { size: 2, interpolation: "bilinear" }, [3, 3, 2]],
  ["zeroPadding [1, 2, 0, 1]", "ZeroPadding2D", { padding: [1, 2, 0, 1] }, [3, 3, 2]],
  ["cropping [1, 0, 1, 2]", "Cropping2D", { cropping: [1, 0, 1, 2] }, [5, 6, 2]],
  ["globalMaxPool1d", "GlobalMaxPooling1D", {}, [5, 3], distinct],
  ["globalMaxPool2d", "GlobalMaxPooling2D", {}, [3, 4, 2], negative],
  ["globalAvgPool1d", "GlobalAveragePooling1D", {}, [5, 3]],
  ["globalAvgPool2d", "GlobalAveragePooling2D", {}, [3, 4, 2]],
];

function layerCase([title, kind, params, sample, values]: Row): GradCase {
  return {
    name: title,
    inputs: [[2, ...sample]],
    values,
    build: () => modelLike(compileGraph(sequential(sample, [kind, params])).model),
  };
}

/** Ops and kernels below the layers: resize variants, the Embedding gather, raw pooling. */
function opCase(name: string, inputs: number[][], fn: (xs: tf.Tensor[]) => tf.Tensor, values?: GradCase["values"]) {
  return { name, inputs, values, build: (): OpUnderTest => ({ fn, weights: [] }) };
}

const OP_CASES: GradCase[] = [
  opCase("resizeNearest 3x4 -> 5x7, batch 2", [[2, 3, 4, 2]], ([x]) =>
    tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [5, 7]),
  ),
  opCase("resizeNearest alignCorners, batch 2", [[2, 3, 4, 2]], ([x]) =>
    tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [6, 7], true),
  ),
  opCase("resizeNearest halfPixelCenters, batch 2", [[2, 4, 3, 1]], ([x]) =>
    tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [7, 5], false, true),
  ),
  opCase(
    "maxPool 2x2 s1 valid, all-negative",
    [[2, 4, 4, 3]],
    ([x]) => tf.maxPool(x as tf.Tensor4D, 2, 1, "valid"),
    negative,
  ),
  opCase("avgPool 3x3 s1 same", [[2, 4, 5, 1]], ([x]) => tf.avgPool(x as tf.Tensor4D, 3, 1, "same")),
  // NetForge's one-kernel Relu gradient; values kept 0.02+ away from the kink.
  opCase("relu", [[2, 3, 4, 5]], ([x]) => tf.relu(x), distinctValues(-1.37, 0.061)),
  // Sum over leading axes: a bias gradient's reduction (outer-sum.ts).
  opCase("sum over leading axes", [[2, 3, 4, 5]], ([x]) => tf.sum(tf.mul(x, x), [0, 1, 2])),
  {
    name: "embedding gather (UnsortedSegmentSum), repeated ids",
    inputs: [],
    build: () => {
      const table = tf.tidy(() => tf.variable(tf.tensor(normalValues([6, 3], seededRandom(7)), [6, 3])));
      const ids = tf.tensor2d(
        [
          [0, 2, 2],
          [5, 0, 1],
        ],
        [2, 3],
        "int32",
      );
      return { fn: () => tf.gather(table, ids), weights: [table], dispose: () => tf.dispose([table, ids]) };
    },
  },
];

describe.each(["cpu", "wasm"] as const)("gradients match finite differences on %s", (backend) => {
  let before = 0;
  beforeAll(async () => {
    await useBackend(backend);
    before = tf.memory().numTensors;
  });
  afterAll(() => {
    // Every case disposes what it made: a leak here would grow across training runs too.
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([...LAYER_ROWS.map(layerCase), ...OP_CASES].map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const report = gradCheck(c);
    expect(report.failures, describeFailures(report)).toEqual([]);
    expect(report.checked).toBeGreaterThan(0);
    expect(report.maxNumeric).toBeGreaterThan(0.05); // the check saw a real gradient
  });

  it("Einsum runs (cpu kernel on wasm) and agrees with matMul", () => {
    const [a, b] = [tf.randomNormal([3, 4]), tf.randomNormal([4, 2])];
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.einsum("ij,jk->ik", a, b), tf.matMul(a, b)))).dataSync()[0]);
    expect(diff).toBeLessThan(1e-5);
    tf.dispose([a, b]);
  });
});

/**
 * The checks can fail: with tfjs' stock kernel back in place, the bug the patch fixes is caught.
 * (wasm MaxPoolGrad on all-negative windows; cpu AvgPoolGrad with 'same'; cpu ResizeNearestNeighborGrad.)
 */
describe("the stock kernels fail the same checks", () => {
  const swapped = (name: string, backend: string, run: () => void) => {
    const patched = tf.getKernel(name, backend) as tf.KernelConfig;
    const stock = stockKernel(name, backend) as tf.KernelConfig;
    expect(stock).not.toBe(patched);
    tf.unregisterKernel(name, backend);
    tf.registerKernel(stock);
    try {
      run();
    } finally {
      tf.unregisterKernel(name, backend);
      tf.registerKernel(patched);
    }
  };
  const fails = (c: GradCase) => expect(gradCheck(c).failures.length).toBeGreaterThan(0);
  const row = (title: string) => layerCase(LAYER_ROWS.find((r) => r[0] === title) as Row);

  it.each([
    ["wasm", "MaxPoolGrad", "maxPool2d valid, all-negative"],
    ["cpu", "AvgPoolGrad", "avgPool2d 3x3 s2 same"],
    ["wasm", "AvgPoolGrad", "avgPool2d 3x3 s2 same"],
    ["cpu", "ResizeNearestNeighborGrad", "upSampling nearest 2x3, batch 2"],
  ] as const)("%s %s", async (backend, kernel, title) => {
    await useBackend(backend);
    swapped(kernel, backend, () => fails(row(title)));
  });
});
