import { type Diagnostic, type DiagnosticCode, diagnostic } from "../diagnostics";
import type { GraphEdge, GraphNode } from "../ir/graph";
import type { AnyLayerSpec, WeightSpec } from "../layers/spec";
import type { Shape } from "./shape";

export interface NodeAnalysis {
  id: string;
  kind: string;
  /** Display name: the node's name, or its id. */
  name: string;
  /** Validated params with defaults filled (null when the kind is unknown). */
  params: Record<string, unknown> | null;
  /** Output port names and their shapes; shapes are null when they cannot be known. */
  outputPorts: readonly string[];
  outputShapes: Shape[] | null;
  weights: WeightSpec[];
  paramCount: { trainable: number; nonTrainable: number; total: number };
  label: string;
  /** Where each input comes from, in the order the spec received them (ports, then edge order). */
  inputRefs: { source: string; outputIndex: number }[];
  diagnostics: Diagnostic[];
}

/** A node while the graph is being analysed: its spec, incoming edges and growing analysis. */
export interface Slot {
  node: GraphNode;
  spec: AnyLayerSpec | undefined;
  a: NodeAnalysis;
  /** Incoming edges per input port name, in graph order. */
  incoming: Map<string, GraphEdge[]>;
}

export function nodeDiag(slot: Slot, code: DiagnosticCode, tail: string, param?: string): Diagnostic {
  const where = param === undefined ? { nodeId: slot.node.id } : { nodeId: slot.node.id, param };
  // The tail continues the sentence after the node's name; a word needs a space before it.
  const joined = /^[\s:,;]/.test(tail) ? tail : ` ${tail}`;
  return diagnostic(code, `${slot.node.kind} "${slot.a.name}"${joined}`, where);
}
