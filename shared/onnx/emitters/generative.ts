import type { EmitterTable } from "./types";

/**
 * Generative family (shared/layers/generative.ts).
 *
 * VAESampling exports the mean path, z = mean: the sampled z = mean + exp(logVar / 2) * eps is
 * random at every call, so a deterministic file (and its parity check against predict()) can only
 * carry the expected value. The export report must say so (EMITTER_NOTES below).
 * The GAN markers are linear activations in the trained model (the identity), so they emit nothing.
 */
export const generativeEmitters = {
  VAESampling: ({ inputs: [mean] }) => [mean],
  GANGenerator: ({ inputs: [x] }) => [x],
  GANDiscriminator: ({ inputs: [x] }) => [x],
} satisfies Partial<EmitterTable>;

/** What the exported file does differently from training, per kind, for the export report. */
export const GENERATIVE_NOTES = {
  VAESampling: "exported as its mean path z = mean (no sampling noise; logVar is not used)",
} as const;
