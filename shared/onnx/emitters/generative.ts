import type { EmitterTable, NoteTable } from "./types";

/**
 * Generative family (shared/layers/generative.ts).
 *
 * VAESampling exports the mean path, z = mean: the sampled z = mean + exp(logVar / 2) * eps is
 * random at every call, so a deterministic file (and its parity check against predict()) can only
 * carry the expected value. The readiness report says so (generativeNotes below).
 * The GAN markers are linear activations in the trained model (the identity), so they emit nothing.
 */
export const generativeEmitters = {
  VAESampling: ({ inputs: [mean] }) => [mean],
  GANGenerator: ({ inputs: [x] }) => [x],
  GANDiscriminator: ({ inputs: [x] }) => [x],
} satisfies Partial<EmitterTable>;

const MARKER = { status: "exported", reason: "a GAN marker: the identity, so the file has no node for it" } as const;

export const generativeNotes = {
  VAESampling: () => ({
    status: "approximated",
    reason:
      "exports the mean path z = mean: sampling z = mean + exp(logVar / 2) * eps is random at every call, so the file carries its expected value (what predict() computes too); logVar is not used",
    ignoredInputs: [1],
  }),
  GANGenerator: () => MARKER,
  GANDiscriminator: () => MARKER,
} satisfies NoteTable;
