import type { LayerCase } from "./case";

export const spatialCases = {
  UpSampling2D: [
    {
      name: "D24 DAE 7x7 -> 14x14",
      params: {},
      inputs: [[7, 7, 32]],
      outputs: [[14, 14, 32]],
      trainable: 0,
      source: "D24",
    },
    {
      name: "D24 DAE 14x14 -> 28x28",
      params: { size: [2, 2] },
      inputs: [[14, 14, 32]],
      outputs: [[28, 28, 32]],
      trainable: 0,
      source: "D24",
    },
    {
      name: "bilinear 2x3, unknown width",
      params: { size: [2, 3], interpolation: "bilinear" },
      inputs: [[5, null, 3]],
      outputs: [[10, null, 3]],
      trainable: 0,
    },
    {
      name: "scalar size",
      params: { size: 3 },
      inputs: [[4, 4, 1]],
      outputs: [[12, 12, 1]],
      trainable: 0,
    },
  ],
  ZeroPadding2D: [
    {
      name: "default: 1 on every side",
      params: {},
      inputs: [[5, 5, 3]],
      outputs: [[7, 7, 3]],
      trainable: 0,
    },
    {
      name: "[top, bottom, left, right]",
      params: { padding: [1, 2, 3, 4] },
      inputs: [[5, 6, 3]],
      outputs: [[8, 13, 3]],
      trainable: 0,
    },
    {
      name: "scalar, unknown height",
      params: { padding: 2 },
      inputs: [[null, 10, 1]],
      outputs: [[null, 14, 1]],
      trainable: 0,
    },
  ],
  Cropping2D: [
    {
      name: "[top, bottom, left, right]",
      params: { cropping: [1, 1, 2, 2] },
      inputs: [[6, 10, 3]],
      outputs: [[4, 6, 3]],
      trainable: 0,
    },
    {
      name: "scalar",
      params: { cropping: 2 },
      inputs: [[28, 28, 1]],
      outputs: [[24, 24, 1]],
      trainable: 0,
    },
    {
      name: "asymmetric",
      params: { cropping: [0, 3, 1, 0] },
      inputs: [[8, 8, 2]],
      outputs: [[5, 7, 2]],
      trainable: 0,
    },
  ],
} satisfies Record<string, LayerCase[]>;
