import { ShapeError } from "../diagnostics";
import { formatShape, lastDim, shapeSize } from "../shapes/shape";
import { activationParam, weightParams } from "./common-params";
import { float, int, ints, oneOf } from "./params";
import { Permute, RepeatVector, Reshape } from "./reshaping";
import { defineLayer, expectMinRank, expectRank, known, weight } from "./spec";

/**
 * Core layers: the graph's entry point, the fully connected layer, the perceptron, the standalone
 * activation and Flatten. Reshape, Permute and RepeatVector live in reshaping.ts.
 */

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
  inputs: [
    {
      name: "in",
      doc: "Tensor of rank >= 1; the layer acts on the last axis.",
    },
  ],
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
  inputs: [{ name: "in", doc: "Tensor of rank >= 2 with every dimension known." }],
  infer: (_p, [x]) => {
    // tfjs 4.22 declares min_ndim 3 with the batch, and refuses unknown dims ("not fully defined").
    expectMinRank("Flatten", x, 2);
    const n = shapeSize(x);
    if (n === null) {
      throw new ShapeError(
        "E_UNDEFINED_DIM",
        `Flatten needs every input dimension known to size its output; received ${formatShape(x)}`,
      );
    }
    if (n === 0) throw new ShapeError("E_NONPOSITIVE_SIZE", `Flatten: input ${formatShape(x)} has no elements`);
    return [[n]];
  },
  weights: () => [],
  label: () => "",
  doc: {
    summary: "Unrolls each sample into a vector, row-major (the last axis varies fastest).",
    formula: "y[i] = x[i_1, ..., i_k] with i = row-major index of (i_1, ..., i_k)",
    inputShape: "(d_1, ..., d_k), k >= 2, all known",
    outputShape: "(d_1 * ... * d_k)",
    whenToUse: "Between convolution/pooling blocks and Dense layers.",
    aliases: ["vectorize", "unroll", "ravel"],
    notes: ["A vector (rank 1) is already flat: tfjs rejects Flatten there, so remove the block."],
  },
});

export const Activation = defineLayer({
  kind: "Activation",
  title: "Activation",
  category: "Activation",
  params: {
    activation: activationParam("relu"),
    steepness: float({
      default: 1,
      min: 0,
      exclusiveMin: true,
      doc: "Steepness lambda of the sigmoid: 1/(1+e^(-lambda x)); 1 is the standard logistic function.",
      relevantIf: { param: "activation", in: ["sigmoid", "bipolarSigmoid"] },
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "Tensor of any rank >= 1; the function is applied to every element.",
    },
  ],
  infer: (_p, [x]) => {
    expectMinRank("Activation", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => {
    const sigmoid = p.activation === "sigmoid" || p.activation === "bipolarSigmoid";
    return sigmoid && p.steepness !== 1 ? `${p.activation} λ=${p.steepness}` : p.activation;
  },
  doc: {
    summary: "Applies an activation function element-wise, as a block of its own.",
    formula:
      "y = f(x) element-wise; sigmoid f(x) = 1/(1+e^(-λx)), bipolarSigmoid f(x) = 2/(1+e^(-λx)) - 1 = tanh(λx/2); softmax normalizes over the last axis",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "To show the non-linearity as its own node (e.g. Conv2D -> BatchNormalization -> Activation), or to use a function a layer's activation param lacks.",
    aliases: ["nonlinearity", "non-linearity", "transfer function", "sigmoid", "tanh", "step", "threshold", "swish"],
    notes: [
      "Step, ReLU and Leaky ReLU are non-linear functions (piecewise linear at most); only linear (identity) is linear, and stacking linear layers collapses to one linear map.",
      "Sigmoid of 0.53 is 0.62948, not 0.625 as one slide prints; the bipolar value is 2·0.62948 - 1 = 0.25897.",
      "A steepness other than 1 is NetForge's own addition (tfjs has no steepness); it equals scaling the input by λ.",
    ],
  },
});

export const Perceptron = defineLayer({
  kind: "Perceptron",
  title: "Perceptron",
  category: "Core",
  params: {
    units: int({
      default: 1,
      min: 1,
      max: 10_000,
      doc: "Number of threshold units (one per output).",
    }),
    threshold: float({
      default: 0,
      doc: "A unit fires when its weighted sum plus bias reaches this value (theta).",
    }),
    outputCoding: oneOf(["zeroOne", "bipolar"], {
      default: "zeroOne",
      doc: "Output values: 0/1 (zeroOne) or -1/+1 (bipolar); the labels must use the same coding.",
    }),
  },
  inputs: [{ name: "in", doc: "Feature vector (rank 1); Flatten images first." }],
  infer: (p, [x]) => {
    expectRank("Perceptron", x, 1);
    return [[p.units]];
  },
  weights: (p, [x]) => {
    const n = known("Perceptron", x[0], "number of input features");
    return [weight("kernel", [n, p.units]), weight("bias", [p.units])];
  },
  label: (p) => `${p.units} step θ=${p.threshold}${p.outputCoding === "bipolar" ? " ±1" : ""}`,
  doc: {
    summary: "Rosenblatt's threshold unit: a weighted sum through a hard step, trained by the perceptron rule.",
    formula:
      "z = x·W + b (W: [n, units], b: [units]); y = 1 if z >= threshold, else 0 (zeroOne) or -1 (bipolar). Training, per sample and only on mistakes (y != ŷ): W <- W + η (y - ŷ) x, b <- b + η (y - ŷ)",
    inputShape: "(n), a feature vector",
    outputShape: "(units)",
    whenToUse:
      "Teaching the first neural model: logic gates (AND, OR), linearly separable 2-D points, and why XOR needs a hidden layer. Use Dense with a sigmoid for anything trained by backpropagation.",
    aliases: ["threshold unit", "TLU", "Rosenblatt", "McCulloch-Pitts", "step neuron", "linear classifier", "neuron"],
    notes: [
      "Not trained by gradient descent: the step's derivative is 0 almost everywhere, so NetForge trains this block with the perceptron rule above (Rosenblatt 1958); for ±1 labels that is SGD, with step 2η, on the perceptron criterion max(0, -y·(z - θ)).",
      "G-1: w = (0.5, -0.6), b = 0.2, x = (1, 2) gives z = -0.5 < 0, so y = 0. G-21: with target 1 and η = 0.1 one update gives w = (0.6, -0.4), b = 0.3, z = 0.1, so y = 1; a correct prediction changes nothing.",
      "D4/D5 gates: AND w = (0.7, 0.7), OR w = (1.2, 1.2), b = 0, threshold 1. The slides fire on sum > θ, NetForge on sum >= θ (the 002 notes' rule); they differ only when the sum equals θ exactly, which no gate input does.",
      "Threshold and bias are redundant (only b - θ matters); θ is kept because the gate examples use it. Parameters: n·units weights + units biases, e.g. 3 for a 2-input unit.",
      "A perceptron has no hidden layer, and the step is non-linear: its limit is the linear decision boundary, so it cannot learn XOR.",
      "With bipolar coding, y - ŷ is ±2 on a mistake, so each update is twice as large as with 0/1 coding for the same η.",
    ],
  },
});

export const coreLayers = [Input, Dense, Perceptron, Activation, Flatten, Reshape, Permute, RepeatVector] as const;
