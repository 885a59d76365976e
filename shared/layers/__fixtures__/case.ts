import type { Shape } from "../../shapes/shape";

/**
 * One row of a layer's example table: params (partial; defaults fill the rest), input shapes in
 * port order, and the expected outputs and weight counts. The catalog conformance test, the
 * tfjs compiler test and the ONNX parity test all iterate these rows.
 */
export interface LayerCase {
  /** Readable name for the test title; defaults to the params. */
  name?: string;
  params: Record<string, unknown>;
  inputs: Shape[];
  outputs: Shape[];
  trainable: number;
  nonTrainable?: number;
  /** Where a golden number comes from (inventory id, e.g. "D13"). */
  source?: string;
}
