import type { LayerCase } from "./case";

/** gamma and beta are trainable; BatchNormalization's moving mean and variance are not. */
export const normalizationCases = {
  BatchNormalization: [
    {
      name: "after Dense(64)",
      params: {},
      inputs: [[64]],
      outputs: [[64]],
      trainable: 128,
      nonTrainable: 128,
    },
    {
      name: "after the 32x32x12 conv",
      params: {},
      inputs: [[32, 32, 12]],
      outputs: [[32, 32, 12]],
      trainable: 24,
      nonTrainable: 24,
      source: "D13",
    },
    {
      name: "no beta (center false)",
      params: { center: false, epsilon: 1e-5, momentum: 0.9 },
      inputs: [[10]],
      outputs: [[10]],
      trainable: 10,
      nonTrainable: 20,
    },
    {
      name: "axis 1 (the first non-batch axis)",
      params: { axis: 1 },
      inputs: [[8, 4]],
      outputs: [[8, 4]],
      trainable: 16,
      nonTrainable: 16,
    },
    {
      name: "sequence of unknown length",
      params: {},
      inputs: [[null, 16]],
      outputs: [[null, 16]],
      trainable: 32,
      nonTrainable: 32,
    },
  ],
  LayerNormalization: [
    {
      name: "Transformer d_model 64",
      params: {},
      inputs: [[10, 64]],
      outputs: [[10, 64]],
      trainable: 128,
    },
    {
      name: "unknown length",
      params: {},
      inputs: [[null, 32]],
      outputs: [[null, 32]],
      trainable: 64,
    },
    {
      name: "no gamma, no beta",
      params: { center: false, scale: false },
      inputs: [[16]],
      outputs: [[16]],
      trainable: 0,
    },
    {
      name: "axis 1",
      params: { axis: 1, epsilon: 1e-6 },
      inputs: [[5, 8]],
      outputs: [[5, 8]],
      trainable: 10,
    },
  ],
} satisfies Record<string, LayerCase[]>;
