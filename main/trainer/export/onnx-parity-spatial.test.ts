import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../shared/ir/builder";
import { EMITTERS } from "../../../shared/onnx/emitters/index";
import { attr } from "../../../shared/onnx/model";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { parity, pythonOnnxCheck, pythonOnnxMissing, randomizeWeights } from "./parity.testkit";

/**
 * Multi-layer parity for the convolution, spatial, shape, activation-layer and Dot emitters:
 * models where channels-first values (after Conv, Pool, Resize) meet layers that work in either
 * layout (Pad, Slice, PRelu, Softmax) or need channels last (Permute, Dot, Flatten). The single
 * kinds run in onnx-parity.test.ts from the catalog's example rows.
 */
const TOLERANCE = 1e-5;
const dir = mkdtempSync(join(tmpdir(), "netforge-onnx-spatial-"));
const files: string[] = [];
const worst: [string, number][] = [];

async function check(title: string, graph: unknown, opts: Parameters<typeof parity>[2] = {}) {
  const c = compileGraph(graph);
  randomizeWeights(c, 3);
  const xs = c.model.inputs.map((t) => tf.randomNormal([2, ...(t.shape.slice(1) as number[]).map((d) => d ?? 6)]));
  const { maxAbsDiff, exported } = await parity(c, xs, opts);
  const file = join(dir, `${files.length}-${title.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 60)}.onnx`);
  writeFileSync(file, exported.bytes);
  files.push(file);
  worst.push([title, maxAbsDiff]);
  tf.dispose(xs);
  c.model.dispose();
  return { maxAbsDiff, ops: exported.ops };
}

beforeAll(() => useBackend("cpu"));
afterAll(() => {
  const top = [...worst].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`ONNX spatial parity: ${worst.length} models, largest max abs diffs: ${JSON.stringify(top)}`);
});

describe("layouts across convolution and spatial layers", () => {
  it("encoder-decoder: pad, crop, PReLU, softmax and upsampling on NCHW data stay channels first", async () => {
    const g = sequential(
      [11, 9, 3],
      ["Conv2D", { filters: 6, kernelSize: 3, strides: 2, padding: "same" }],
      ["ZeroPadding2D", { padding: [1, 2, 0, 3] }],
      ["PReLU", { sharedAxes: [1, 2] }],
      ["DepthwiseConv2D", { kernelSize: 3, depthMultiplier: 2, padding: "same", activation: "relu" }],
      ["Cropping2D", { cropping: [1, 0, 2, 1] }],
      ["PReLU"],
      ["UpSampling2D", { size: [2, 3], interpolation: "bilinear" }],
      ["ReLU", { maxValue: 2, negativeSlope: 0.1, threshold: 0.2 }],
      ["Conv2DTranspose", { filters: 4, kernelSize: 3, strides: 2, padding: "same" }],
      ["Softmax", { axis: 2 }],
      ["SeparableConv2D", { filters: 5, kernelSize: 3, dilationRate: 2, padding: "same" }],
      ["TiledConv2D", { filters: 3, kernelSize: 2, tiles: 2, strides: 2 }],
      ["Softmax", { axis: -1 }],
      ["Flatten"],
      ["Dense", { units: 4 }],
    );
    const { maxAbsDiff, ops } = await check("encoder-decoder", g);
    expect(maxAbsDiff).toBeLessThan(TOLERANCE);
    // One transpose to NCHW at the input, one to NHWC inside TiledConv2D (its mask is channels
    // last, as in the trainer); pad, crop, PReLU, Softmax and Resize add none.
    expect(ops.filter((op) => op === "Transpose")).toHaveLength(2);
  });

  it("TiledConv2D with t = 3 on a size known only at run time builds its mask from Shape and Range", async () => {
    const g = sequential(
      [null, null, 2],
      ["TiledConv2D", { filters: 3, kernelSize: 2, tiles: 3 }],
      ["PReLU", { sharedAxes: [1, 2] }],
    );
    const { maxAbsDiff, ops } = await check("tiled runtime mask", g);
    expect(maxAbsDiff).toBeLessThan(TOLERANCE);
    expect(ops).toContain("Range");
  });

  it("sequence model: causal Conv1D, Permute, RepeatVector, Dot over channels-first sequences", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [12, 4] });
    const [c1] = b.chain(x, ["Conv1D", { filters: 6, kernelSize: 3, padding: "causal", dilationRate: 2 }]);
    const [c2] = b.chain(c1, ["Conv1D", { filters: 6, kernelSize: 2, strides: 2, padding: "same" }]);
    const dot = b.add("Dot", { axes: [2, 2], normalize: true });
    b.connect(c1, dot, "a").connect(c2, dot, "b");
    const [, pooled] = b.chain(c1, ["Permute", { dims: [2, 1] }], ["GlobalMaxPooling1D"]);
    b.chain(pooled, ["Perceptron", { units: 3, outputCoding: "bipolar" }]);
    b.chain(
      pooled,
      ["RepeatVector", { n: 5 }],
      ["Conv1D", { filters: 2, kernelSize: 2 }],
      ["LeakyReLU", { alpha: 0.2 }],
    );
    b.chain(dot, ["Softmax", { axis: 1 }], ["RandomizedLeakyReLU"], ["ELU", { alpha: 0.4 }]);
    expect((await check("sequence", b.build())).maxAbsDiff).toBeLessThan(TOLERANCE);
  });

  it("merges and Dot on mixed layouts", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [8, 8, 2] });
    const [, up] = b.chain(x, ["Conv2D", { filters: 2, kernelSize: 1 }], ["UpSampling2D", { size: 2 }]);
    const [pad] = b.chain(x, ["ZeroPadding2D", { padding: 4 }]);
    const sub = b.add("Subtract");
    b.connect(up, sub, "a").connect(pad, sub, "b");
    const [, flat] = b.chain(sub, ["MaxPooling2D", { poolSize: 4 }], ["Reshape", { targetShape: [16, 2] }]);
    const [, seq] = b.chain(x, ["Reshape", { targetShape: [16, 8] }], ["Conv1D", { filters: 5, kernelSize: 1 }]);
    const dot = b.add("Dot", { axes: [1, 1] });
    b.connect(flat, dot, "a").connect(seq, dot, "b");
    expect((await check("merges", b.build())).maxAbsDiff).toBeLessThan(TOLERANCE);
  });
});

describe("the parity check catches broken spatial mappings", () => {
  it("UpSampling2D bilinear with half_pixel instead of tfjs' asymmetric coordinates", async () => {
    const g = sequential([5, 6, 2], ["UpSampling2D", { size: 2, interpolation: "bilinear" }]);
    const broken = {
      ...EMITTERS,
      UpSampling2D: ((ctx) => {
        const [y] = (EMITTERS.UpSampling2D as NonNullable<(typeof EMITTERS)["UpSampling2D"]>)(ctx);
        const node = ctx.g.nodes[ctx.g.nodes.length - 1];
        node.attributes.coordinate_transformation_mode = attr.s("half_pixel");
        return [y];
      }) as (typeof EMITTERS)["UpSampling2D"],
    };
    expect((await check("upsampling ok", g)).maxAbsDiff).toBeLessThan(TOLERANCE);
    expect((await check("upsampling half_pixel", g, { emitters: broken })).maxAbsDiff).toBeGreaterThan(1e-2);
  });

  it("Conv2DTranspose with its pads on the wrong side", async () => {
    const g = sequential([4, 5, 2], ["Conv2DTranspose", { filters: 3, kernelSize: 3, strides: 2, padding: "same" }]);
    const broken = {
      ...EMITTERS,
      Conv2DTranspose: ((ctx) => {
        const out = (EMITTERS.Conv2DTranspose as NonNullable<(typeof EMITTERS)["Conv2DTranspose"]>)(ctx);
        const node = ctx.g.nodes.find((n) => n.opType === "ConvTranspose");
        if (node?.attributes.pads?.type === "ints")
          node.attributes.pads = attr.is([...node.attributes.pads.value].reverse());
        return out;
      }) as (typeof EMITTERS)["Conv2DTranspose"],
    };
    expect((await check("deconv broken", g, { emitters: broken })).maxAbsDiff).toBeGreaterThan(1e-2);
  });
});

describe("python3-onnx accepts the files", () => {
  it("check_model(full_check) and strict shape inference", (ctx) => {
    const missing = pythonOnnxMissing();
    if (missing) {
      console.log(`skipping the python3-onnx check: ${missing}`);
      ctx.skip();
    }
    expect(pythonOnnxCheck(dir, files)).toEqual([]);
  });
});
