import { ShapeError } from "../diagnostics";
import { formatShape, shapeSize } from "../shapes/shape";
import { int, ints } from "./params";
import { defineLayer, expectMinRank, expectRank } from "./spec";

/** Layers that rearrange elements without computing anything: Reshape, Permute, RepeatVector. */

export const Reshape = defineLayer({
  kind: "Reshape",
  title: "Reshape",
  category: "Shape",
  params: {
    targetShape: ints({
      default: [-1],
      length: [1, 4],
      min: 1,
      allow: [-1],
      doc: "Shape of one output sample, batch excluded, e.g. [28, 28, 1]; at most one -1, which is inferred from the input size.",
    }),
  },
  check: (p) =>
    p.targetShape.filter((d) => d === -1).length > 1
      ? [
          {
            param: "targetShape",
            message: `targetShape may contain -1 only once. Received: targetShape=${formatShape(p.targetShape)}`,
          },
        ]
      : [],
  inputs: [
    {
      name: "in",
      doc: "Tensor of rank >= 1; its elements are read in row-major order.",
    },
  ],
  infer: (p, [x]) => {
    expectMinRank("Reshape", x, 1);
    const target = p.targetShape as number[];
    const shown = formatShape(target);
    const free = target.indexOf(-1);
    const fixed = target.reduce((a, d) => (d === -1 ? a : a * d), 1);
    const size = shapeSize(x);
    if (size === null) {
      // Only -1 can stand for an element count that is unknown until run time (tfjs then reports it as unknown too).
      if (free < 0) {
        throw new ShapeError(
          "E_UNDEFINED_DIM",
          `Reshape cannot check that input ${formatShape(x)}, with an unknown dimension, fits targetShape=${shown}; put -1 in targetShape for the dimension that absorbs the unknown size`,
        );
      }
      return [target.map((d) => (d === -1 ? null : d))];
    }
    // tfjs 4.22's symbolic shape leaves -1 unknown and skips this check (it fails at run time);
    // like Keras, NetForge resolves -1 now, so the tfjs builder should pass the resolved shape.
    if (free >= 0) {
      if (size % fixed !== 0) {
        throw new ShapeError(
          "E_RESHAPE_SIZE",
          `Reshape cannot infer the -1 in targetShape=${shown}: input ${formatShape(x)} has ${size} elements, which is not a multiple of ${fixed} (the product of the other target dimensions)`,
        );
      }
      return [target.map((d) => (d === -1 ? size / fixed : d))];
    }
    if (size !== fixed) {
      throw new ShapeError(
        "E_RESHAPE_SIZE",
        `Reshape cannot turn input ${formatShape(x)} (${size} elements) into targetShape=${shown} (${fixed} elements); the element counts must be equal`,
      );
    }
    return [target];
  },
  weights: () => [],
  label: (p) => formatShape(p.targetShape),
  doc: {
    summary: "Gives each sample a new shape with the same number of elements (row-major order is kept).",
    formula:
      "y = x read in row-major order and written into targetShape; -1 = (input size) / (product of the other dims)",
    inputShape: "(d_1, ..., d_k)",
    outputShape: "targetShape, with its -1 resolved; the element counts must match",
    whenToUse:
      "Turning a flat 784-vector into a 28x28x1 image for convolutions (and back), or splitting a feature axis into (heads, depth).",
    aliases: ["view", "resize shape", "unflatten", "reshape"],
    notes: [
      "Reshape never moves data between axes the way a transpose does: to swap axes use Permute.",
      "With an unknown input dimension (e.g. a variable-length sequence) the target needs a -1, since the element count is only known at run time.",
    ],
  },
});

export const Permute = defineLayer({
  kind: "Permute",
  title: "Permute",
  category: "Shape",
  params: {
    dims: ints({
      default: [2, 1],
      length: [1, 4],
      min: 1,
      max: 4,
      doc: "New order of the sample axes, 1-indexed (batch excluded): [2, 1] swaps the two axes of a matrix.",
    }),
  },
  check: (p) => {
    const sorted = [...(p.dims as number[])].sort((a, b) => a - b);
    return sorted.every((d, i) => d === i + 1)
      ? []
      : [
          {
            param: "dims",
            message: `dims must be a permutation of 1..${p.dims.length} (each sample axis once, 1-indexed, batch excluded). Received: dims=${formatShape(p.dims)}`,
          },
        ];
  },
  inputs: [{ name: "in", doc: "Tensor whose rank equals the length of dims." }],
  infer: (p, [x]) => {
    expectRank("Permute", x, p.dims.length);
    return [p.dims.map((d) => x[(d as number) - 1] as number | null)];
  },
  weights: () => [],
  label: (p) => `(${p.dims.join(",")})`,
  doc: {
    summary: "Reorders the axes of each sample (a transpose), e.g. (time, features) -> (features, time).",
    formula: "y[i_{dims[1]}, ..., i_{dims[k]}] = x[i_1, ..., i_k]; output dim j = input dim dims[j]",
    inputShape: "(d_1, ..., d_k), k = length of dims",
    outputShape: "(d_{dims[1]}, ..., d_{dims[k]})",
    whenToUse:
      "Moving channels first or last, or attending over features instead of time steps. Unlike Reshape, it moves data.",
    aliases: ["transpose", "swap axes", "move axis", "channels first", "channels last"],
    notes: ["Axes are numbered from 1 as in Keras; the batch axis (0) always stays first."],
  },
});

export const RepeatVector = defineLayer({
  kind: "RepeatVector",
  title: "RepeatVector",
  category: "Shape",
  params: {
    n: int({
      default: 10,
      min: 1,
      max: 100_000,
      doc: "How many times the vector is repeated (output time steps).",
    }),
  },
  inputs: [{ name: "in", doc: "Vector (rank 1), e.g. an encoder's final state." }],
  infer: (p, [x]) => {
    expectRank("RepeatVector", x, 1);
    return [[p.n, x[0] as number | null]];
  },
  weights: () => [],
  label: (p) => `×${p.n}`,
  doc: {
    summary: "Repeats a vector n times, producing a sequence of n identical steps.",
    formula: "y[t, :] = x for t = 1..n",
    inputShape: "(d), a vector",
    outputShape: "(n, d)",
    whenToUse:
      "Feeding one fixed vector to every step of a decoder RNN: sequence autoencoders and simple encoder-decoder models.",
    aliases: ["repeat", "tile", "broadcast to sequence", "copy vector"],
  },
});
