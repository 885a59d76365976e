import { formatShape, type Shape } from "./shapes/shape";

/**
 * Coded diagnostics. The UI, the CLI and the tests refer to codes, never to message text; each
 * message says what was expected and what was received (Keras' template).
 */
export const DIAGNOSTIC_CODES = {
  E_INVALID_DOCUMENT: "error",
  E_UNSUPPORTED_VERSION: "error",
  E_DUPLICATE_ID: "error",
  E_UNKNOWN_KIND: "error",
  E_UNKNOWN_PORT: "error",
  E_DANGLING_EDGE: "error",
  E_CYCLE: "error",
  E_UNCONNECTED_INPUT: "error",
  E_TOO_MANY_INPUTS: "error",
  E_TOO_FEW_INPUTS: "error",
  E_PARAM_INVALID: "error",
  E_PARAM_UNKNOWN: "error",
  E_RANK: "error",
  E_SHAPE_MISMATCH: "error",
  E_UNDEFINED_DIM: "error",
  E_NONPOSITIVE_SIZE: "error",
  E_RESHAPE_SIZE: "error",
  E_WEIGHTS_SHAPE: "error",
  E_NO_INPUT: "error",
  E_NO_OUTPUT: "error",
  E_GAN_PAIR: "error",
  E_INTERNAL: "error",
  // Projects: a graph the trainer cannot train (shared/training/outputs.ts); inferGraph never emits it.
  E_TRAIN_OUTPUTS: "error",
  // A project's other parts, checked by `netforge check` and before training.
  E_TRAINING_CONFIG: "error",
  E_DATA_SPEC: "error",
  E_MEMORY: "error",
  W_UNUSED_INPUT: "warning",
  W_MULTIPLE_OUTPUTS: "warning",
  W_PARAM_IGNORED: "warning",
  W_DENSE_ON_RANK: "warning",
  // The bound data against the model (renderer/state/binding.ts); inferGraph never emits these.
  E_DATA_INPUT_SHAPE: "error",
  E_DATA_OUTPUT_SIZE: "error",
  /** The targets' format and the loss disagree (one-hot rows with a sparse loss, ...). */
  E_DATA_LOSS: "error",
  W_DATA_INPUTS: "warning",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = "error" | "warning";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  nodeId?: string;
  edgeId?: string;
  param?: string;
}

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  where: { nodeId?: string; edgeId?: string; param?: string } = {},
): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code], message, ...where };
}

/**
 * Thrown by a spec's shape inference; inferGraph catches it and attaches the node. Specs throw
 * rather than return so that their happy path reads like Keras' `compute_output_shape`.
 */
export class ShapeError extends Error {
  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = "ShapeError";
  }
}

/** A value as it appears after "Received:": shapes as [a,b,?], everything else as JSON. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value) && value.every((d) => d === null || typeof d === "number")) {
    return formatShape(value as Shape);
  }
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}
