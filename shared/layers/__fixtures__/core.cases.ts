import type { LayerCase } from "./case";

export const coreCases = {
  Input: [
    { params: { shape: [4] }, inputs: [], outputs: [[4]], trainable: 0 },
    { params: { shape: [28, 28, 1] }, inputs: [], outputs: [[28, 28, 1]], trainable: 0 },
    { params: { shape: [null], dtype: "int32" }, inputs: [], outputs: [[null]], trainable: 0 },
  ],
  Dense: [
    { params: { units: 3 }, inputs: [[4]], outputs: [[3]], trainable: 15 },
    {
      name: "autoencoder encoder 784->32",
      params: { units: 32 },
      inputs: [[784]],
      outputs: [[32]],
      trainable: 25_120,
      source: "D22",
    },
    { name: "no bias", params: { units: 10, useBias: false }, inputs: [[5]], outputs: [[10]], trainable: 50 },
    { name: "rank 3: last axis", params: { units: 4 }, inputs: [[8, 8, 3]], outputs: [[8, 8, 4]], trainable: 16 },
  ],
  Flatten: [
    { params: {}, inputs: [[4, 4]], outputs: [[16]], trainable: 0, source: "G-7" },
    {
      name: "cat/dog CNN 14x14x64",
      params: {},
      inputs: [[14, 14, 64]],
      outputs: [[12_544]],
      trainable: 0,
      source: "T5",
    },
  ],
} satisfies Record<string, LayerCase[]>;
