import type { EmitterTable } from "./types";

/**
 * Training-only layers are the identity at inference (tfjs applies them only with
 * training = true), so they emit nothing; leaving out ONNX Dropout is the most portable choice.
 */
export const regularizationEmitters = {
  Dropout: ({ inputs: [x] }) => [x],
  GaussianNoise: ({ inputs: [x] }) => [x],
  SaltAndPepperNoise: ({ inputs: [x] }) => [x],
} satisfies Partial<EmitterTable>;
