import { ShapeError } from "../diagnostics";
import { formatShape, lastDim, shapeSize } from "../shapes/shape";
import { activationParam, weightParams } from "./common-params";
import { int, ints, oneOf } from "./params";
import { defineLayer, expectMinRank, known, weight } from "./spec";

/** Core layers: the graph's entry point, the fully connected layer and Flatten. */

export const Input = defineLayer({
  kind: "Input",
  title: "Input",
  category: "Input",
  params: {
    shape: ints({
      default: [2],
      length: [1, 4],
      min: 1,
      allow: [null],
      doc: "Shape of one sample, batch excluded: [n] for a table, [H, W, C] for images, [T, F] for sequences, [T] for token ids. null = unknown length.",
    }),
    dtype: oneOf(["float32", "int32"], {
      default: "float32",
      doc: "Element type: int32 for token ids fed to an Embedding, float32 otherwise.",
    }),
  },
  inputs: [],
  infer: (p) => [p.shape],
  weights: () => [],
  label: (p) => `${formatShape(p.shape)}${p.dtype === "int32" ? " int32" : ""}`,
  doc: {
    summary: "Where data enters the network; declares the shape of one sample.",
    formula: "x (the sample as given; no computation)",
    inputShape: "none (this node is a source)",
    outputShape: "the declared shape, e.g. (n) tabular, (H, W, C) image, (T, F) sequence, (T) tokens",
    whenToUse: "Every model starts with one Input per data source; a seq2seq model or a GAN has several.",
    aliases: ["data", "placeholder", "input layer", "features"],
  },
});

export const Dense = defineLayer({
  kind: "Dense",
  title: "Dense",
  category: "Core",
  params: {
    units: int({
      default: 32,
      min: 1,
      max: 1_000_000,
      doc: "Number of output neurons (dimensionality of the output).",
    }),
    activation: activationParam("linear"),
    ...weightParams("glorotUniform"),
  },
  inputs: [{ name: "in", doc: "Tensor of rank >= 1; the layer acts on the last axis." }],
  infer: (p, [x]) => {
    expectMinRank("Dense", x, 1);
    return [[...x.slice(0, -1), p.units]];
  },
  weights: (p, [x]) => {
    const n = known("Dense", lastDim(x), "last input dimension (features)");
    return [weight("kernel", [n, p.units]), ...(p.useBias ? [weight("bias", [p.units])] : [])];
  },
  label: (p) => `${p.units}${p.activation === "linear" ? "" : ` ${p.activation}`}`,
  doc: {
    summary: "Fully connected layer: every output neuron sees every input feature.",
    formula: "y = f(x W + b), W: [n_in, units], b: [units]; on rank > 1 input it applies to the last axis",
    inputShape: "(..., n_in)",
    outputShape: "(..., units)",
    whenToUse:
      "Hidden layers of an MLP and classification/regression heads. On images, Flatten (or global pooling) first, unless you mean a per-pixel layer.",
    aliases: ["fully connected", "fc", "linear", "affine", "neuron", "perceptron layer", "mlp", "hidden layer"],
  },
});

export const Flatten = defineLayer({
  kind: "Flatten",
  title: "Flatten",
  category: "Shape",
  params: {},
  inputs: [{ name: "in", doc: "Tensor of rank >= 1." }],
  infer: (_p, [x]) => {
    expectMinRank("Flatten", x, 1);
    const n = shapeSize(x);
    if (n === 0) throw new ShapeError("E_NONPOSITIVE_SIZE", `Flatten: input ${formatShape(x)} has no elements`);
    return [[n]];
  },
  weights: () => [],
  label: () => "",
  doc: {
    summary: "Unrolls each sample into a vector, row-major (the last axis varies fastest).",
    formula: "y[i] = x[i_1, ..., i_k] with i = row-major index of (i_1, ..., i_k)",
    inputShape: "(d_1, ..., d_k)",
    outputShape: "(d_1 * ... * d_k)",
    whenToUse: "Between convolution/pooling blocks and Dense layers.",
    aliases: ["vectorize", "unroll", "ravel"],
  },
});

export const coreLayers = [Input, Dense, Flatten] as const;
