import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../../shared/ir/builder";
import { BatchNormalization, batchNormalize } from "../../../../shared/layers/normalization";
import { resolveParams } from "../../../../shared/layers/resolve";
import { BatchNormAxis } from "../../layers/batch-norm-axis";
import { describeFailures, gradCheck } from "../../testing/gradcheck";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";
import { batchNormalizationLayer } from "./normalization";
import { oneStep } from "./one-step.testutil";

/**
 * Normalization builders: G-26 (inventory-notes-000-002 PART VI), the moving statistics, and
 * hand-computed references for other axes; one training step on cpu and wasm.
 */

/** Input -> node "norm"; returns the compiled model and that node's tfjs layer. */
function single(kind: string, params: Record<string, unknown>, shape: number[]) {
  const b = new GraphBuilder();
  b.connect(b.add("Input", { shape }), b.add(kind, params, { id: "norm" }));
  const compiled = compileGraph(b.build());
  return { model: compiled.model, layer: (compiled.layersByNode.get("norm") as tf.layers.Layer[])[0] };
}

const expectClose = (got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5) => {
  expect(got.length).toBe(want.length);
  Array.from(got).forEach((g, i) => {
    expect(Math.abs(g - want[i])).toBeLessThan(tol);
  });
};

/** Normalizes x (row-major, shape dims) over the given axes, per index of the other axes. */
function normalizeOver(x: number[], dims: number[], axes: number[], eps: number): number[] {
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));
  const key = (flat: number) =>
    dims.map((d, i) => (axes.includes(i) ? 0 : Math.floor(flat / strides[i]) % d)).join(",");
  const groups = new Map<string, number[]>();
  x.forEach((_, i) => {
    const k = key(i);
    if (!groups.has(k)) groups.set(k, []);
    (groups.get(k) as number[]).push(i);
  });
  const out = new Array<number>(x.length);
  for (const idx of groups.values()) {
    const normalized = batchNormalize(
      idx.map((i) => x[i]),
      eps,
    );
    idx.forEach((i, j) => {
      out[i] = normalized[j];
    });
  }
  return out;
}

describe("BatchNormalization", () => {
  beforeAll(() => useBackend("cpu"));

  it("G-26: (1, 2, 3) in training mode with epsilon 1e-3 gives (-1.223827, 0, 1.223827)", () => {
    const { model, layer } = single("BatchNormalization", {}, [1]);
    const y = tf.tidy(() => (layer.apply(tf.tensor2d([[1], [2], [3]]), { training: true }) as tf.Tensor).dataSync());
    expectClose(y, [-1.223827, 0, 1.223827]);
    // Moving averages with momentum 0.99 and the batch's population variance 2/3 (the spec's formula).
    const [, , mean, variance] = layer.getWeights().map((w) => w.dataSync()[0]);
    expectClose([mean, variance], [0.01 * 2, 0.99 + 0.01 * (2 / 3)], 1e-6);
    // Inference normalizes with the moving statistics, not the batch's.
    const inferred = tf.tidy(() => (model.predict(tf.tensor2d([[1], [2], [3]])) as tf.Tensor).dataSync());
    expectClose(
      inferred,
      [1, 2, 3].map((v) => (v - mean) / Math.sqrt(variance + 1e-3)),
    );
    model.dispose();
  });

  it("without a meaningful epsilon, the population-std values (-1.224745, 0, 1.224745)", () => {
    const { model, layer } = single("BatchNormalization", { epsilon: 1e-12 }, [1]);
    const y = tf.tidy(() => (layer.apply(tf.tensor2d([[1], [2], [3]]), { training: true }) as tf.Tensor).dataSync());
    expectClose(y, [-1.224745, 0, 1.224745]);
    model.dispose();
  });

  it("axis 1 of (8, 4): one statistic per axis-1 index, over the batch and axis 2; gamma and beta apply", () => {
    const { model, layer } = single("BatchNormalization", { axis: 1, momentum: 0.5 }, [8, 4]);
    const gamma = Array.from({ length: 8 }, (_, i) => 1 + i / 4);
    const beta = Array.from({ length: 8 }, (_, i) => i / 10 - 0.3);
    layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta), tf.zeros([8]), tf.ones([8])]);
    const x = Array.from({ length: 3 * 8 * 4 }, (_, i) => Math.sin(i * 1.3) * 2 + (i % 5));
    const y = tf.tidy(() => (layer.apply(tf.tensor3d(x, [3, 8, 4]), { training: true }) as tf.Tensor).dataSync());
    const want = normalizeOver(x, [3, 8, 4], [0, 2], 1e-3).map((v, i) => {
      const c = Math.floor(i / 4) % 8;
      return gamma[c] * v + beta[c];
    });
    expectClose(y, want, 1e-4);
    model.dispose();
  });

  it("axis 1 (NetForge's layer) round-trips through the tfjs layers format with its moving statistics", async () => {
    const { model, layer } = single("BatchNormalization", { axis: 1, gammaInitializer: "randomUniform" }, [4, 3]);
    expect(layer).toBeInstanceOf(BatchNormAxis);
    const x = tf.randomNormal([5, 4, 3]);
    tf.tidy(() => {
      layer.apply(x, { training: true });
    });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
    tf.tidy(() => {
      const diff = tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor);
      expect(tf.max(tf.abs(diff)).dataSync()[0]).toBe(0);
    });
    tf.dispose(x);
    model.dispose();
    loaded.dispose();
  });
});

describe("NetForge's BatchNormalization layer", () => {
  beforeAll(() => useBackend("cpu"));

  it("keeps no tensors from training or inference calls (the moving averages are replaced in place)", () => {
    const layer = batchNormalizationLayer(resolveParams(BatchNormalization, { axis: 1 }).params, "bn_leak");
    const x = tf.randomNormal([4, 3, 2]);
    const call = (training: boolean) => tf.tidy(() => layer.apply(x, { training }) as tf.Tensor).dispose();
    call(true);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      call(true);
      call(false);
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    layer.dispose();
  });
});

/** NetForge's batch norm on axis 1 of (3, 2), in training mode, for the finite-difference check. */
const bnAxisCase = () => ({
  name: "BatchNormalization axis 1, training mode",
  inputs: [[4, 3, 2]],
  build: () => {
    const layer = batchNormalizationLayer(resolveParams(BatchNormalization, { axis: 1 }).params, "bn_check");
    tf.tidy(() => {
      layer.apply(tf.zeros([4, 3, 2]));
    });
    layer.setWeights([tf.tensor1d([0.5, 1.5, -2]), tf.tensor1d([0.1, 0, -0.3]), tf.zeros([3]), tf.ones([3])]);
    return {
      fn: (xs: tf.Tensor[]) => layer.apply(xs[0], { training: true }) as tf.Tensor,
      weights: layer.trainableWeights.map((w) => w.read() as tf.Variable),
      dispose: () => layer.dispose(),
    };
  },
});

describe("LayerNormalization", () => {
  beforeAll(() => useBackend("cpu"));

  it.each([
    [-1, [3, 5, 8], [2]],
    [1, [3, 5, 8], [1]],
  ])("axis %d of (5, 8) normalizes each sample over axis %j with gamma and beta", (axis, dims, axes) => {
    const { model, layer } = single("LayerNormalization", { axis, epsilon: 1e-6 }, dims.slice(1));
    const n = dims[axes[0]];
    const gamma = Array.from({ length: n }, (_, i) => 0.5 + i / 8);
    const beta = Array.from({ length: n }, (_, i) => (i % 3) - 1);
    layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta)]);
    const x = Array.from({ length: 3 * 5 * 8 }, (_, i) => Math.cos(i * 0.7) * 3 + (i % 7) / 2);
    const y = tf.tidy(() => (model.predict(tf.tensor3d(x, dims as [number, number, number])) as tf.Tensor).dataSync());
    const stride = axes[0] === 2 ? 1 : 8;
    const want = normalizeOver(x, dims, axes, 1e-6).map((v, i) => {
      const k = Math.floor(i / stride) % n;
      return gamma[k] * v + beta[k];
    });
    expectClose(y, want, 1e-4);
    model.dispose();
  });
});

const TRAINING_CASES: [string, unknown][] = [
  ["Dense -> BatchNormalization", sequential([6], ["Dense", { units: 4 }], ["BatchNormalization", {}])],
  [
    "BatchNormalization axis 1 with regularizers",
    sequential([5, 3], ["BatchNormalization", { axis: 1, gammaRegularizer: { l1: 0.01, l2: 0 } }]),
  ],
  [
    "Dense -> LayerNormalization on a sequence",
    sequential([null, 4], ["Dense", { units: 6 }], ["LayerNormalization", {}]),
  ],
];

for (const backend of ["cpu", "wasm"] as const) {
  describe(`one training step on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it("NetForge's axis-1 batch norm: gradients equal finite differences", () => {
      const report = gradCheck(bnAxisCase());
      expect(report.failures, describeFailures(report)).toEqual([]);
      expect(report.maxNumeric).toBeGreaterThan(0.1);
    });

    it.each(TRAINING_CASES)("%s: finite loss, every weight moves", async (_name, graph) => {
      const { loss, frozen } = await oneStep(graph);
      expect(Number.isFinite(loss)).toBe(true);
      expect(frozen).toEqual([]);
    });
  });
}
