import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { erf } from "../../../shared/layers/activation-math";
import { useBackend } from "../testing/tf-setup";
import {
  expectClose,
  layerModel,
  layerWeight,
  type M,
  matMulArr,
  modelTracker,
  predictArray,
  randomArray,
  randomizeWeights,
  referenceMha,
} from "./attention-testkit";

/**
 * The Transformer blocks against a plain-number reference of their formulas (shared/layers/
 * transformer.ts doc): residuals, LayerNorm (post- or pre-norm), the FFN with relu or exact gelu,
 * and Keras MultiHeadAttention per head (attention-testkit's referenceMha).
 */

interface BlockRef {
  normFirst: boolean;
  activation: "relu" | "gelu";
  eps: number;
}

type Get = (name: string) => number[] | M | M[];

function layerNormRef(x: M, gamma: number[], beta: number[], eps: number): M {
  return x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
    return row.map((s, c) => ((s - mean) / Math.sqrt(variance + eps)) * gamma[c] + beta[c]);
  });
}

const add = (a: M, b: M): M => a.map((row, i) => row.map((s, j) => s + b[i][j]));
const act = (name: "relu" | "gelu", x: number) =>
  name === "relu" ? Math.max(0, x) : 0.5 * x * (1 + erf(x / Math.SQRT2));

function denseRef(x: M, kernel: M, bias: number[]): M {
  return matMulArr(x, kernel).map((row) => row.map((s, j) => s + bias[j]));
}

/** post-norm LN(x + f(x)) or pre-norm x + f(LN(x)), with the LayerNorm named `norm`. */
function sublayerRef(get: Get, norm: string, o: BlockRef, x: M, f: (h: M) => M): M {
  const ln = (h: M) => layerNormRef(h, get(`${norm}/gamma`) as number[], get(`${norm}/beta`) as number[], o.eps);
  return o.normFirst ? add(x, f(ln(x))) : ln(add(x, f(x)));
}

function blockRef(get: Get, o: BlockRef, x: M, memory: M | null, causal: boolean): M {
  let h = sublayerRef(get, "selfAttentionLayerNorm", o, x, (y) => referenceMha(get, "selfAttention/", y, y, y, causal));
  if (memory) {
    h = sublayerRef(get, "crossAttentionLayerNorm", o, h, (y) =>
      referenceMha(get, "crossAttention/", y, memory, memory, false),
    );
  }
  return sublayerRef(get, "feedforwardLayerNorm", o, h, (y) => {
    const inner = denseRef(
      y,
      get("feedforwardIntermediateDense/kernel") as M,
      get("feedforwardIntermediateDense/bias") as number[],
    );
    const a = inner.map((row) => row.map((s) => act(o.activation, s)));
    return denseRef(a, get("feedforwardOutputDense/kernel") as M, get("feedforwardOutputDense/bias") as number[]);
  });
}

const seq = (t: number, d: number, seed: number) => (randomArray([1, t, d], seed) as M[])[0];

describe.each(["cpu", "wasm"] as const)("Transformer blocks on %s", (backend) => {
  beforeAll(() => useBackend(backend));
  const track = modelTracker();

  it.each([
    { normFirst: false, activation: "relu" },
    { normFirst: true, activation: "gelu" },
  ] as const)("encoder block (normFirst %o) equals the reference", ({ normFirst, activation }) => {
    const params = { numHeads: 2, ffDim: 6, normFirst, activation };
    const m = track(layerModel("TransformerEncoderBlock", params, [["in", [5, 4]]]));
    randomizeWeights(m, 21);
    const get: Get = (n) => layerWeight(m.getLayer("layer"), n);
    const x = seq(5, 4, 22);
    expectClose(predictArray(m, [[x]])[0], blockRef(get, { normFirst, activation, eps: 1e-5 }, x, null, false));
  });

  it.each([false, true])("decoder block with memory d_m != d (normFirst %s) equals the reference", (normFirst) => {
    const params = { numHeads: 2, ffDim: 5, normFirst, layerNormEpsilon: 1e-3 };
    const m = track(
      layerModel("TransformerDecoderBlock", params, [
        ["target", [4, 4]],
        ["memory", [3, 6]],
      ]),
    );
    randomizeWeights(m, 31);
    const get: Get = (n) => layerWeight(m.getLayer("layer"), n);
    const [x, mem] = [seq(4, 4, 32), seq(3, 6, 33)];
    const want = blockRef(get, { normFirst, activation: "relu", eps: 1e-3 }, x, mem, true);
    expectClose(predictArray(m, [[x], [mem]])[0], want);
  });

  it("decoder self-attention is causal: step 0 ignores later targets but sees the memory", () => {
    const m = track(
      layerModel("TransformerDecoderBlock", { numHeads: 2, ffDim: 8 }, [
        ["target", [4, 4]],
        ["memory", [3, 4]],
      ]),
    );
    randomizeWeights(m, 41);
    const [x, mem] = [seq(4, 4, 42), seq(3, 4, 43)];
    const base = predictArray(m, [[x], [mem]])[0];
    const later = x.map((row, t) => (t === 0 ? row : row.map((s) => s - 3)));
    const changed = predictArray(m, [[later], [mem]])[0];
    expectClose([changed[0]], [base[0]], 1e-5);
    expect(Math.abs(changed[2][1] - base[2][1])).toBeGreaterThan(1e-3);
    const otherMemory = predictArray(m, [[x], [mem.map((row) => row.map((s) => s + 1))]])[0];
    expect(Math.abs(otherMemory[0][0] - base[0][0])).toBeGreaterThan(1e-4);
  });

  it("decoder-only block (no memory) equals the reference with causal self-attention", () => {
    const m = track(layerModel("TransformerDecoderBlock", { numHeads: 1, ffDim: 4 }, [["target", [3, 2]]]));
    randomizeWeights(m, 51);
    expect(m.getLayer("layer").weights.some((w) => w.originalName.includes("crossAttention"))).toBe(false);
    const get: Get = (n) => layerWeight(m.getLayer("layer"), n);
    const x = seq(3, 2, 52);
    expectClose(
      predictArray(m, [[x]])[0],
      blockRef(get, { normFirst: false, activation: "relu", eps: 1e-5 }, x, null, true),
    );
  });

  it("dropout acts at training only", () => {
    const m = track(layerModel("TransformerEncoderBlock", { numHeads: 2, ffDim: 8, dropout: 0.5 }, [["in", [6, 4]]]));
    const diff = tf.tidy(() => {
      const x = tf.randomNormal([2, 6, 4], 0, 1, "float32", 5);
      const inference = m.apply(x, { training: false }) as tf.Tensor;
      const again = m.predict(x) as tf.Tensor;
      const training = m.apply(x, { training: true }) as tf.Tensor;
      return [tf.max(tf.abs(tf.sub(inference, again))), tf.max(tf.abs(tf.sub(training, inference)))].map(
        (t) => t.dataSync()[0],
      );
    });
    expect(diff[0]).toBe(0);
    expect(diff[1]).toBeGreaterThan(1e-2);
  });
});
