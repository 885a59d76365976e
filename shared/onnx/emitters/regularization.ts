import type { EmitterTable, NoteTable } from "./types";

/**
 * Training-only layers are the identity at inference (tfjs applies them only with
 * training = true), so they emit nothing; leaving out ONNX Dropout is the most portable choice.
 */
export const regularizationEmitters = {
  Dropout: ({ inputs: [x] }) => [x],
  GaussianNoise: ({ inputs: [x] }) => [x],
  SaltAndPepperNoise: ({ inputs: [x] }) => [x],
} satisfies Partial<EmitterTable>;

const TRAINING_ONLY = {
  status: "dropped",
  reason:
    "training-only: the identity at inference (tfjs applies it only while training), so the file has no node for it",
} as const;

export const regularizationNotes = {
  Dropout: () => TRAINING_ONLY,
  GaussianNoise: () => TRAINING_ONLY,
  SaltAndPepperNoise: () => TRAINING_ONLY,
} satisfies NoteTable;
