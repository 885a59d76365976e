import type { LayerCase } from "./case";

export const generativeCases = {
  VAESampling: [
    {
      name: "latent 5 (the notes' VAE)",
      params: {},
      inputs: [[5], [5]],
      outputs: [[5]],
      trainable: 0,
      source: "T25",
    },
    {
      name: "one side unknown",
      params: { klWeight: 4 },
      inputs: [[null], [16]],
      outputs: [[16]],
      trainable: 0,
    },
    {
      name: "convolutional latent",
      params: { klWeight: 0 },
      inputs: [
        [7, 7, 4],
        [7, 7, 4],
      ],
      outputs: [[7, 7, 4]],
      trainable: 0,
    },
  ],
  GANGenerator: [
    {
      name: "MNIST image",
      params: {},
      inputs: [[28, 28, 1]],
      outputs: [[28, 28, 1]],
      trainable: 0,
      source: "T26",
    },
    {
      name: "flat 784, no sample grid",
      params: { samplesPerEpoch: 0 },
      inputs: [[784]],
      outputs: [[784]],
      trainable: 0,
    },
  ],
  GANDiscriminator: [
    {
      name: "probability",
      params: {},
      inputs: [[1]],
      outputs: [[1]],
      trainable: 0,
      source: "T26",
    },
    {
      name: "logit",
      params: { fromLogits: true },
      inputs: [[1]],
      outputs: [[1]],
      trainable: 0,
    },
  ],
} satisfies Record<string, LayerCase[]>;
