import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { Conv, type ConvConfig } from "./conv";
import { Cropping2D } from "./cropping2d";
import { type DepthwiseConfig, DepthwiseConv } from "./depthwise-conv2d";
import { TiledConv2D, type TiledConvConfig } from "./tiled-conv2d";

/**
 * Forward oracles for NetForge's convolution layers (their gradients are checked against finite
 * differences in kernels/gradients.test.ts): tfjs' own forward ops, which are right even where
 * their gradients are missing, and a naive loop for the tiled convolution (Goodfellow eq. 9.10).
 */

const rng = seededRandom(3);
const rand = (shape: number[]) => tf.tensor(normalValues(shape, rng), shape);

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** Applies a layer once (building it) and returns the output with the layer's weight tensors. */
function run(layer: tf.layers.Layer, x: tf.Tensor) {
  const y = layer.apply(x) as tf.Tensor;
  return { y, w: layer.getWeights() };
}

const convBase: Omit<ConvConfig, "rank" | "kernelSize" | "strides" | "padding" | "dilationRate"> = {
  filters: 3,
  useBias: true,
  kernelInitializer: "glorotNormal",
  biasInitializer: "randomNormal",
  kernelRegularizer: null,
  biasRegularizer: null,
};

describe.each(["cpu", "wasm"] as const)("NetForge conv layers on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("dilated Conv2D (valid and same) equals tf.conv2d with dilations", () => {
    for (const padding of ["valid", "same"] as const) {
      const x = rand([2, 9, 8, 2]);
      const layer = new Conv({
        ...convBase,
        rank: 2,
        kernelSize: [3, 2],
        strides: [1, 1],
        padding,
        dilationRate: [2, 3],
      });
      const { y, w } = run(layer, x);
      const want = tf.add(tf.conv2d(x as tf.Tensor4D, w[0] as tf.Tensor4D, 1, padding, "NHWC", [2, 3]), w[1]);
      expect(maxDiff(y, want)).toBeLessThan(1e-5);
      tf.dispose([x, y, want]);
      layer.dispose();
    }
  });

  it("causal Conv1D: left zero padding of d*(k-1), output t never sees inputs after t", () => {
    const x = rand([2, 10, 2]);
    const layer = new Conv({
      ...convBase,
      rank: 1,
      kernelSize: [3],
      strides: [1],
      padding: "causal",
      dilationRate: [2],
    });
    const { y, w } = run(layer, x);
    const padded = tf.pad(x, [
      [0, 0],
      [4, 0],
      [0, 0],
    ]);
    const want = tf.add(tf.conv1d(padded as tf.Tensor3D, w[0] as tf.Tensor3D, 1, "valid", "NWC", 2), w[1]);
    expect(y.shape).toEqual([2, 10, 3]);
    expect(maxDiff(y, want)).toBeLessThan(1e-5);
    // Changing the last step changes only the last output step.
    const x2 = tf.concat([tf.slice(x, [0, 0, 0], [2, 9, 2]), tf.ones([2, 1, 2])], 1);
    const y2 = layer.apply(x2) as tf.Tensor;
    expect(maxDiff(tf.slice(y, [0, 0, 0], [2, 9, 3]), tf.slice(y2, [0, 0, 0], [2, 9, 3]))).toBe(0);
    tf.dispose([x, y, padded, want, x2, y2]);
    layer.dispose();
  });

  const dw: DepthwiseConfig = {
    kernelSize: [3, 3],
    strides: [1, 1],
    padding: "same",
    dilationRate: [2, 2],
    depthMultiplier: 2,
    useBias: true,
    depthwiseInitializer: "glorotUniform",
    biasInitializer: "randomNormal",
    depthwiseRegularizer: null,
    biasRegularizer: null,
  };

  it("dilated DepthwiseConv2D equals tf.depthwiseConv2d with dilations", () => {
    const x = rand([2, 7, 8, 3]);
    const layer = new DepthwiseConv(dw);
    const { y, w } = run(layer, x);
    const want = tf.add(tf.depthwiseConv2d(x as tf.Tensor4D, w[0] as tf.Tensor4D, 1, "same", "NHWC", 2), w[1]);
    expect(maxDiff(y, want)).toBeLessThan(1e-5);
    tf.dispose([x, y, want]);
    layer.dispose();
  });

  it("SeparableConv2D equals tf.separableConv2d and initializes each kernel with its own initializer", () => {
    const x = rand([2, 7, 7, 3]);
    const pointwise = { filters: 4, initializer: "zeros" as const, regularizer: null };
    const layer = new DepthwiseConv({ ...dw, dilationRate: [1, 1], depthwiseInitializer: "ones", pointwise });
    const { y, w } = run(layer, x);
    expect(w.map((t) => t.shape)).toEqual([[3, 3, 3, 2], [1, 1, 6, 4], [4]]);
    expect(tf.tidy(() => [tf.min(w[0]).dataSync()[0], tf.max(tf.abs(w[1])).dataSync()[0]])).toEqual([1, 0]);
    layer.setWeights([w[0], rand([1, 1, 6, 4]), w[2]]);
    const [dk, pk, b] = layer.getWeights();
    const want = tf.add(tf.separableConv2d(x as tf.Tensor4D, dk as tf.Tensor4D, pk as tf.Tensor4D, 1, "same"), b);
    const y2 = layer.apply(x) as tf.Tensor;
    expect(maxDiff(y2, want)).toBeLessThan(1e-5);
    tf.dispose([x, y, y2, want]);
    layer.dispose();
  });

  it("TiledConv2D equals a naive loop over eq. 9.10 (stride 2, same, t = 3)", () => {
    const cfg: TiledConvConfig = {
      filters: 2,
      kernelSize: [3, 2],
      strides: [2, 2],
      padding: "same",
      tiles: 3,
      useBias: true,
      kernelInitializer: "glorotNormal",
      biasInitializer: "randomNormal",
    };
    const x = rand([2, 9, 8, 2]);
    const layer = new TiledConv2D(cfg);
    const { y, w } = run(layer, x);
    expect(maxDiff(y, naiveTiled(x, w[0], w[1], cfg))).toBeLessThan(1e-5);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it("Cropping2D keeps unknown sizes unknown and crops [top, bottom, left, right]", () => {
    const layer = new Cropping2D({ cropping: [1, 2, 0, 3] });
    expect(layer.computeOutputShape([null, null, 10, 3])).toEqual([null, null, 7, 3]);
    const x = rand([2, 6, 7, 1]);
    const y = layer.apply(x) as tf.Tensor;
    expect(maxDiff(y, tf.slice(x, [0, 1, 0, 0], [2, 3, 4, 1]))).toBe(0);
    tf.dispose([x, y]);
  });

  it("custom layers survive a save/load round trip with identical outputs", async () => {
    const input = tf.input({ shape: [8, 8, 2] });
    const a = new Conv({
      ...convBase,
      rank: 2,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: "same",
      dilationRate: [2, 2],
    });
    const b = new DepthwiseConv({ ...dw, pointwise: { filters: 2, initializer: "glorotUniform", regularizer: null } });
    const c = new TiledConv2D({ ...convBase, kernelSize: [3, 3], strides: [1, 1], padding: "valid", tiles: 2 });
    const d = new Cropping2D({ cropping: [1, 0, 0, 1] });
    const out = d.apply(c.apply(b.apply(a.apply(input)))) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (m) => {
        saved = m;
        return { modelArtifactsInfo: {} as never };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as unknown as tf.io.ModelArtifacts));
    const x = rand([2, 8, 8, 2]);
    const [y1, y2] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(maxDiff(y1, y2)).toBe(0);
    tf.dispose([x, y1, y2]);
    model.dispose();
    loaded.dispose();
  });
});

/** Z[n, i, j, f] = b[f] + sum_{m, q, c} V[n, i*s + m - top, j*s + q - left, c] K[i%t, j%t, m, q, c, f]. */
function naiveTiled(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor, cfg: TiledConvConfig): tf.Tensor {
  const [n, h, w, cin] = x.shape;
  const [kh, kw] = cfg.kernelSize;
  const [sh, sw] = cfg.strides;
  const t = cfg.tiles;
  const [oh, ow] = [Math.ceil(h / sh), Math.ceil(w / sw)];
  const top = Math.floor(Math.max((oh - 1) * sh + kh - h, 0) / 2);
  const left = Math.floor(Math.max((ow - 1) * sw + kw - w, 0) / 2);
  const [xv, kv, bv] = [x.arraySync() as number[][][][], kernel.arraySync() as number[][][][][][], bias.dataSync()];
  const out: number[][][][] = [];
  for (let b = 0; b < n; b++) {
    out.push([]);
    for (let i = 0; i < oh; i++) {
      out[b].push([]);
      for (let j = 0; j < ow; j++) {
        const z = Array.from(bv);
        for (let m = 0; m < kh; m++) {
          for (let q = 0; q < kw; q++) {
            const [r, s] = [i * sh + m - top, j * sw + q - left];
            if (r < 0 || r >= h || s < 0 || s >= w) continue;
            for (let c = 0; c < cin; c++)
              for (let f = 0; f < cfg.filters; f++) z[f] += xv[b][r][s][c] * kv[i % t][j % t][m][q][c][f];
          }
        }
        out[b][i].push(z);
      }
    }
  }
  return tf.tensor(out);
}
