import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../../shared/ir/builder";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";
import { oneStep } from "./one-step.testutil";

/**
 * Recurrent builders: the notes' scalar cells (G-27, G-28, G-29, inventory-notes-000-002 PART VI),
 * a plain-JS reference of the spec's equations with distinct weights per gate (which catches a
 * wrong gate order), and one training step on cpu and wasm.
 */

type Vec = number[];
type Mat = number[][]; // [input][output], as tfjs stores kernels

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const matVec = (v: Vec, w: Mat, from: number, to: number): Vec =>
  Array.from({ length: to - from }, (_, j) => v.reduce((s, vi, i) => s + vi * w[i][from + j], 0));
const add = (...vs: Vec[]): Vec => vs[0].map((_, i) => vs.reduce((s, v) => s + v[i], 0));

/** One block of a gated kernel: x W[:, k u : (k+1) u] + h U[...] + b[...]. */
function pre(x: Vec, h: Vec, w: Mat, u: Mat, b: Vec, k: number, units: number): Vec {
  const [from, to] = [k * units, (k + 1) * units];
  return add(matVec(x, w, from, to), matVec(h, u, from, to), b.slice(from, to));
}

/** shared/layers/recurrent.ts formulas; returns every h and the last c. */
function reference(
  kind: "SimpleRNN" | "LSTM" | "GRU",
  xs: Vec[],
  w: Mat,
  u: Mat,
  b: Vec,
  units: number,
  start: { h?: Vec; c?: Vec } = {},
) {
  let h: Vec = start.h ?? new Array(units).fill(0);
  let c: Vec = start.c ?? new Array(units).fill(0);
  const hs: Vec[] = [];
  for (const x of xs) {
    if (kind === "SimpleRNN") h = pre(x, h, w, u, b, 0, units).map(Math.tanh);
    if (kind === "LSTM") {
      const [i, f, cc, o] = [0, 1, 2, 3].map((k) => pre(x, h, w, u, b, k, units));
      c = c.map((cj, j) => sigmoid(f[j]) * cj + sigmoid(i[j]) * Math.tanh(cc[j]));
      h = c.map((cj, j) => sigmoid(o[j]) * Math.tanh(cj));
    }
    if (kind === "GRU") {
      const z = pre(x, h, w, u, b, 0, units).map(sigmoid);
      const r = pre(x, h, w, u, b, 1, units).map(sigmoid);
      const rh = h.map((hj, j) => r[j] * hj);
      const hh = add(matVec(x, w, 2 * units, 3 * units), matVec(rh, u, 2 * units, 3 * units), b.slice(2 * units)).map(
        Math.tanh,
      );
      h = h.map((hj, j) => z[j] * hj + (1 - z[j]) * hh[j]);
    }
    hs.push(h);
  }
  return { hs, h, c };
}

/**
 * Input (T?, F) -> the recurrent node "rnn", compiled; returns that node's tfjs layer and a model
 * with every one of its outputs (the compiled model exposes only a node's first output).
 */
function single(kind: string, params: Record<string, unknown>, shape: (number | null)[], states: string[] = []) {
  const b = new GraphBuilder();
  b.connect(b.add("Input", { shape }), b.add(kind, params, { id: "rnn" }));
  for (const port of states) b.connect(b.add("Input", { shape: [params.units as number] }), "rnn", port);
  const compiled = compileGraph(b.build());
  const layer = (compiled.layersByNode.get("rnn") as tf.layers.Layer[])[0];
  return { model: tf.model({ inputs: compiled.model.inputs, outputs: layer.output }), layer };
}

/** Runs the model on one sequence (and initial states) and returns every output as flat arrays. */
function run(model: tf.LayersModel, xs: Vec[], states: Vec[] = []): number[][] {
  return tf.tidy(() => {
    const feeds = [tf.tensor3d([xs]), ...states.map((s) => tf.tensor2d([s]))];
    const y = model.predict(feeds.length === 1 ? feeds[0] : feeds) as tf.Tensor | tf.Tensor[];
    return (Array.isArray(y) ? y : [y]).map((t) => Array.from(t.dataSync()));
  });
}

const G = 1e-5;
const expectClose = (got: number[], want: number[], tol = G) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - want[i])).toBeLessThan(tol);
  });
};

describe("golden scalar cells (tfjs layers built by the builders, weights set by hand)", () => {
  beforeAll(() => useBackend("cpu"));

  it("G-27 LSTM: h1 = 0.174270, C1 = 0.287649; h2 = 0.309059, C2 = 0.524116", () => {
    const { model, layer } = single("LSTM", { units: 1, returnSequences: true, returnState: true }, [null, 1]);
    // Kernel columns are the gates i, f, c, o; bias 0 overrides unitForgetBias' initial 1.
    layer.setWeights([tf.fill([1, 4], 0.5), tf.fill([1, 4], 0.5), tf.zeros([4])]);
    const [seq1, h1, c1] = run(model, [[1]]);
    expectClose([...seq1, ...h1, ...c1], [0.17427, 0.17427, 0.287649]);
    const [seq2, h2, c2] = run(model, [[1], [1]]);
    expectClose([...seq2, ...h2, ...c2], [0.17427, 0.309059, 0.309059, 0.524116]);
    model.dispose();
  });

  it("G-28 SimpleRNN: W = 0.5, U = 0.8, x = [1, 0, -1] gives h = [0.462117, 0.353724, -0.213677]", () => {
    const { model, layer } = single("SimpleRNN", { units: 1, returnSequences: true }, [3, 1]);
    layer.setWeights([tf.tensor2d([[0.5]]), tf.tensor2d([[0.8]]), tf.zeros([1])]);
    expectClose(run(model, [[1], [0], [-1]])[0], [0.462117, 0.353724, -0.213677]);
    model.dispose();
  });

  it("G-29 GRU: all weights 0.5, x = 1 gives h1 = 0.174468 (h = z h_prev + (1 - z) h~)", () => {
    const { model, layer } = single("GRU", { units: 1 }, [1, 1]);
    layer.setWeights([tf.fill([1, 3], 0.5), tf.fill([1, 3], 0.5), tf.zeros([3])]);
    // The other convention, h = (1 - z) h_prev + z h~, would give 0.287649.
    expectClose(run(model, [[1]])[0], [0.174468]);
    model.dispose();
  });

  it("LSTM with returnState feeds port c to a Dense: the Dense sees the cell state C2", () => {
    const b = new GraphBuilder();
    const lstm = b.add("LSTM", { units: 1, returnState: true }, { id: "rnn" });
    const head = b.add("Dense", { units: 1 }, { id: "head" });
    b.connect(b.add("Input", { shape: [2, 1] }), lstm).connect(lstm, head, "in", "c");
    const compiled = compileGraph(b.build());
    const [rnn] = compiled.layersByNode.get("rnn") as tf.layers.Layer[];
    const [dense] = compiled.layersByNode.get("head") as tf.layers.Layer[];
    rnn.setWeights([tf.fill([1, 4], 0.5), tf.fill([1, 4], 0.5), tf.zeros([4])]);
    dense.setWeights([tf.tensor2d([[1]]), tf.zeros([1])]);
    expectClose(run(compiled.model, [[1], [1]])[0], [0.524116]);
    compiled.model.dispose();
  });
});

/** Each kind with its number of gate blocks. */
const BLOCKS = [
  ["SimpleRNN", 1],
  ["LSTM", 4],
  ["GRU", 3],
] as const;

describe("recurrent layers against the spec's equations (2 units, 3 features, 4 steps)", () => {
  beforeAll(() => useBackend("cpu"));
  const xs = [
    [0.5, -1, 2],
    [1.5, 0.3, -0.7],
    [-0.2, 0.8, 0.1],
    [0.9, -0.4, 0.6],
  ];
  // Deterministic, distinct weights: a swapped gate block changes the result.
  const fill = (rows: number, cols: number, seed: number): Mat =>
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => Math.sin(seed + 3 * i + 1.7 * j) * 0.6),
    );

  it.each(BLOCKS)("%s: every step's h and the final states", (kind, blocks) => {
    const units = 2;
    const [w, u] = [fill(3, blocks * units, 1), fill(units, blocks * units, 2)];
    const bias = fill(1, blocks * units, 3)[0];
    const { model, layer } = single(kind, { units, returnSequences: true, returnState: true }, [4, 3]);
    layer.setWeights([tf.tensor2d(w), tf.tensor2d(u), tf.tensor1d(bias)]);
    const [seq, h, c] = run(model, xs);
    const ref = reference(kind, xs, w, u, bias, units);
    expectClose(seq, ref.hs.flat());
    expectClose(h, ref.h);
    if (kind === "LSTM") expectClose(c, ref.c);
    // goBackwards reads x_T first, and its output is the state after x_1.
    const back = single(kind, { units, goBackwards: true }, [4, 3]);
    back.layer.setWeights([tf.tensor2d(w), tf.tensor2d(u), tf.tensor1d(bias)]);
    expectClose(run(back.model, xs)[0], reference(kind, [...xs].reverse(), w, u, bias, units).h);
    model.dispose();
    back.model.dispose();
  });

  it.each(BLOCKS)("%s started from given initial states, forwards and backwards", (kind, blocks) => {
    const units = 2;
    const [w, u] = [fill(3, blocks * units, 4), fill(units, blocks * units, 5)];
    const bias = fill(1, blocks * units, 6)[0];
    const start = { h: [0.7, -0.4], c: kind === "LSTM" ? [-0.9, 0.5] : undefined };
    const ports = kind === "LSTM" ? ["h", "c"] : ["h"];
    const given = [start.h, ...(start.c ? [start.c] : [])];
    for (const goBackwards of [false, true]) {
      const params = { units, returnSequences: true, returnState: true, goBackwards };
      const { model, layer } = single(kind, params, [4, 3], ports);
      layer.setWeights([tf.tensor2d(w), tf.tensor2d(u), tf.tensor1d(bias)]);
      const [seq, h, c] = run(model, xs, given);
      const ref = reference(kind, goBackwards ? [...xs].reverse() : xs, w, u, bias, units, start);
      expectClose(seq, ref.hs.flat());
      expectClose(h, ref.h);
      if (kind === "LSTM") expectClose(c, ref.c);
      model.dispose();
    }
  });

  it("LSTM initialises the forget bias to 1 with unitForgetBias, to 0 without", () => {
    for (const unitForgetBias of [true, false]) {
      const { model, layer } = single("LSTM", { units: 2, unitForgetBias }, [3, 1]);
      const bias = Array.from(layer.getWeights()[2].dataSync());
      expect(bias).toEqual([0, 0, unitForgetBias ? 1 : 0, unitForgetBias ? 1 : 0, 0, 0, 0, 0]);
      model.dispose();
    }
  });

  it("passes regularizers to tfjs, and their penalties reach the training loss", () => {
    const r = { l1: 0, l2: 0.01 };
    const { model, layer } = single(
      "GRU",
      { units: 2, kernelRegularizer: r, recurrentRegularizer: r, biasRegularizer: r },
      [3, 1],
    );
    // tfjs' Container.calculateLosses is what fit() adds to the loss; it used to miss cell losses.
    const penalties = tf.tidy(() => model.calculateLosses().map((t) => t.dataSync()[0]));
    const want = layer.getWeights().map((w) => tf.tidy(() => 0.01 * tf.sum(tf.square(w)).dataSync()[0]));
    expectClose(penalties, want, 1e-7);
    model.dispose();
  });

  it("uses the spec's sigmoid gates, not tfjs' hardSigmoid default", () => {
    // Gate pre-activation 3: sigmoid gives 0.9526, hardSigmoid clips at 1.
    const { model, layer } = single("GRU", { units: 1 }, [1, 1]);
    layer.setWeights([tf.tensor2d([[3, 0, 1]]), tf.zeros([1, 3]), tf.zeros([3])]);
    expectClose(run(model, [[1]])[0], [(1 - sigmoid(3)) * Math.tanh(1)]);
    model.dispose();
  });
});

const TRAINING_CASES: [string, unknown][] = [
  [
    "SimpleRNN relu, sequences",
    sequential([6, 3], ["SimpleRNN", { units: 4, activation: "relu", returnSequences: true }]),
  ],
  ["LSTM -> Dense", sequential([6, 3], ["LSTM", { units: 3 }], ["Dense", { units: 1 }])],
  [
    "LSTM backwards, dropout, unknown length",
    sequential([null, 3], ["LSTM", { units: 3, goBackwards: true, dropout: 0.2, recurrentDropout: 0.2 }]),
  ],
  ["GRU sequences", sequential([6, 3], ["GRU", { units: 3, returnSequences: true }])],
  [
    "GRU and LSTM with NetForge-only activations",
    sequential(
      [6, 3],
      ["GRU", { units: 3, activation: "leakyRelu", returnSequences: true }],
      ["LSTM", { units: 2, activation: "bipolarSigmoid", recurrentActivation: "hardSigmoid" }],
    ),
  ],
];

for (const backend of ["cpu", "wasm"] as const) {
  describe(`one training step on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it.each(TRAINING_CASES)("%s: finite loss, every weight moves", async (_name, graph) => {
      const { loss, frozen } = await oneStep(graph);
      expect(Number.isFinite(loss)).toBe(true);
      expect(frozen).toEqual([]);
    });

    it("LSTM state port c -> Dense: the gradient reaches every LSTM weight", async () => {
      const b = new GraphBuilder();
      const lstm = b.add("LSTM", { units: 2, returnState: true });
      const head = b.add("Dense", { units: 1 });
      b.connect(b.add("Input", { shape: [4, 2] }), lstm).connect(lstm, head, "in", "c");
      const { loss, frozen } = await oneStep(b.build());
      expect(Number.isFinite(loss)).toBe(true);
      expect(frozen).toEqual([]);
    });
  });
}
