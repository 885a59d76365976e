import type { LayerCase } from "./case";

const none = { params: {}, trainable: 0 };

/** Merge layers have no weights; shapes follow tfjs' Merge, Concatenate and Dot exactly. */
export const mergingCases = {
  Add: [
    {
      name: "residual block",
      ...none,
      inputs: [
        [8, 8, 32],
        [8, 8, 32],
      ],
      outputs: [[8, 8, 32]],
    },
    {
      name: "three inputs",
      ...none,
      inputs: [[16], [16], [16]],
      outputs: [[16]],
    },
    {
      name: "unknown length",
      ...none,
      inputs: [
        [null, 64],
        [null, 64],
      ],
      outputs: [[null, 64]],
    },
    {
      name: "a dim of 1 broadcasts",
      ...none,
      inputs: [
        [4, 3],
        [1, 3],
      ],
      outputs: [[4, 3]],
    },
    {
      name: "lower rank broadcasts (right-aligned)",
      ...none,
      inputs: [[4, 3], [3]],
      outputs: [[4, 3]],
    },
    {
      name: "unknown and known give unknown (tfjs)",
      ...none,
      inputs: [
        [null, 8],
        [5, 8],
      ],
      outputs: [[null, 8]],
    },
  ],
  Subtract: [
    { ...none, inputs: [[10], [10]], outputs: [[10]] },
    {
      name: "sequences",
      ...none,
      inputs: [
        [null, 4],
        [null, 4],
      ],
      outputs: [[null, 4]],
    },
  ],
  Multiply: [
    { ...none, inputs: [[8], [8]], outputs: [[8]] },
    {
      name: "sigmoid gate of width 1",
      ...none,
      inputs: [
        [5, 8],
        [5, 1],
      ],
      outputs: [[5, 8]],
    },
  ],
  Average: [
    {
      name: "three branches",
      ...none,
      inputs: [[10], [10], [10]],
      outputs: [[10]],
    },
    {
      ...none,
      inputs: [
        [4, 4, 3],
        [4, 4, 3],
      ],
      outputs: [[4, 4, 3]],
    },
  ],
  Maximum: [
    { ...none, inputs: [[6], [6]], outputs: [[6]] },
    {
      ...none,
      inputs: [
        [2, 3],
        [2, 3],
        [2, 3],
      ],
      outputs: [[2, 3]],
    },
  ],
  Minimum: [
    { ...none, inputs: [[6], [6]], outputs: [[6]] },
    {
      ...none,
      inputs: [
        [null, 3],
        [null, 3],
      ],
      outputs: [[null, 3]],
    },
  ],
  Concatenate: [
    {
      name: "channels",
      ...none,
      inputs: [
        [8, 8, 32],
        [8, 8, 16],
      ],
      outputs: [[8, 8, 48]],
    },
    {
      name: "BiRNN-style [h_fwd, h_bwd]",
      ...none,
      inputs: [[64], [64]],
      outputs: [[128]],
    },
    { name: "three inputs", ...none, inputs: [[2], [3], [4]], outputs: [[9]] },
    {
      name: "unknown length",
      ...none,
      inputs: [
        [null, 4],
        [null, 6],
      ],
      outputs: [[null, 10]],
    },
    {
      name: "axis 1 (time)",
      params: { axis: 1 },
      inputs: [
        [3, 4],
        [5, 4],
      ],
      outputs: [[8, 4]],
      trainable: 0,
    },
    {
      name: "axis 1 with an unknown length",
      params: { axis: 1 },
      inputs: [
        [null, 4],
        [5, 4],
      ],
      outputs: [[null, 4]],
      trainable: 0,
    },
    {
      name: "axis -2",
      params: { axis: -2 },
      inputs: [
        [2, 2, 3],
        [2, 5, 3],
      ],
      outputs: [[2, 7, 3]],
      trainable: 0,
    },
  ],
  Dot: [
    { name: "two vectors", ...none, inputs: [[8], [8]], outputs: [[1]] },
    {
      name: "cosine similarity",
      params: { axes: [1], normalize: true },
      inputs: [[32], [32]],
      outputs: [[1]],
      trainable: 0,
    },
    {
      name: "attention scores (T, d) . (S, d)",
      params: { axes: [2, 2] },
      inputs: [
        [5, 16],
        [7, 16],
      ],
      outputs: [[5, 7]],
      trainable: 0,
    },
    {
      name: "over time",
      params: { axes: [1] },
      inputs: [
        [5, 3],
        [5, 4],
      ],
      outputs: [[3, 4]],
      trainable: 0,
    },
    {
      name: "unknown lengths",
      params: { axes: [2, 2] },
      inputs: [
        [null, 16],
        [null, 16],
      ],
      outputs: [[null, null]],
      trainable: 0,
    },
    { name: "matrix . vector", ...none, inputs: [[5, 8], [8]], outputs: [[5]] },
    {
      name: "mixed axes",
      params: { axes: [1, 2] },
      inputs: [
        [4, 6],
        [3, 4],
      ],
      outputs: [[6, 3]],
      trainable: 0,
    },
  ],
} satisfies Record<string, LayerCase[]>;
