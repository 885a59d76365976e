import type { LayerCase } from "./case";

export const regularizationCases = {
  Dropout: [
    {
      name: "hidden layer, rate 0.5",
      params: { rate: 0.5 },
      inputs: [[128]],
      outputs: [[128]],
      trainable: 0,
      source: "D29",
    },
    {
      name: "input layer, rate 0.2",
      params: { rate: 0.2 },
      inputs: [[784]],
      outputs: [[784]],
      trainable: 0,
      source: "D29",
    },
    {
      name: "one mask for all time steps",
      params: { rate: 0.5, noiseShape: [1, 16] },
      inputs: [[10, 16]],
      outputs: [[10, 16]],
      trainable: 0,
    },
    {
      name: "noiseShape with unknown length",
      params: { rate: 0.3, noiseShape: [null, 16] },
      inputs: [[null, 16]],
      outputs: [[null, 16]],
      trainable: 0,
    },
    {
      name: "rate 0 (identity)",
      params: { rate: 0 },
      inputs: [[8, 8, 3]],
      outputs: [[8, 8, 3]],
      trainable: 0,
    },
  ],
  GaussianNoise: [
    { params: {}, inputs: [[784]], outputs: [[784]], trainable: 0 },
    {
      name: "denoising AE input",
      params: { stddev: 0.5 },
      inputs: [[28, 28, 1]],
      outputs: [[28, 28, 1]],
      trainable: 0,
    },
    {
      params: { stddev: 0.05 },
      inputs: [[null, 3]],
      outputs: [[null, 3]],
      trainable: 0,
    },
  ],
  SaltAndPepperNoise: [
    { params: {}, inputs: [[784]], outputs: [[784]], trainable: 0 },
    {
      name: "denoising AE input",
      params: { rate: 0.2 },
      inputs: [[28, 28, 1]],
      outputs: [[28, 28, 1]],
      trainable: 0,
    },
    {
      name: "data in [-1, 1]",
      params: { low: -1, high: 1 },
      inputs: [[32, 32, 3]],
      outputs: [[32, 32, 3]],
      trainable: 0,
    },
  ],
} satisfies Record<string, LayerCase[]>;
