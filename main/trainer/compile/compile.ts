import * as tf from "@tensorflow/tfjs";
import type { Diagnostic } from "../../../shared/diagnostics";
import type { Graph } from "../../../shared/ir/graph";
import type { LayerKind } from "../../../shared/layers/catalog";
import type { Regularizer } from "../../../shared/layers/params";
import { ancestorsOf } from "../../../shared/shapes/ancestors";
import { type GraphAnalysis, inferGraph } from "../../../shared/shapes/infer";
import { activityLayer } from "../layers/activity-regularization";
import { BUILDERS } from "./builders/index";
import { applyInitialWeights } from "./initial-weights";
import type { Builder, Built } from "./types";
import { verifyAgainstSpecs } from "./verify";

/** The graph has diagnostics; training cannot start until they are fixed. */
export class CompileError extends Error {
  override name = "CompileError";
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
  }
}

export interface Compiled {
  model: tf.LayersModel;
  analysis: GraphAnalysis;
  /** The tfjs layers each node created, in creation order (their weights follow the spec's). */
  layersByNode: Map<string, tf.layers.Layer[]>;
  /** Model input and output node ids, in the model's order. */
  inputs: string[];
  outputs: string[];
}

/**
 * IR -> tf.LayersModel through the functional API, in topological order, one builder per kind.
 * `outputs` picks a sub-network (the generator of a GAN, say): only their ancestors are built.
 * Afterwards every node's shapes and weights are checked against shared inference.
 */
export function compileGraph(graph: unknown, opts: { outputs?: string[]; name?: string } = {}): Compiled {
  const analysis = inferGraph(graph);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new CompileError(
      `the graph has ${errors.length} error(s): ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`,
      errors,
    );
  }
  const outputs = opts.outputs ?? analysis.outputs;
  const needed = ancestorsOf(outputs, analysis);
  const tensors = new Map<string, tf.SymbolicTensor[]>();
  const layersByNode = new Map<string, tf.layers.Layer[]>();
  const names = uniqueNames(analysis.order);
  for (const id of analysis.order) {
    if (!needed.has(id)) continue;
    const node = analysis.nodes[id];
    const builder = BUILDERS[node.kind as LayerKind] as Builder<LayerKind> | undefined;
    if (!builder) throw new Error(`no tfjs builder for layer kind ${node.kind}`);
    const name = names.get(id) as string;
    const inputs = distinctInputs(
      node.inputRefs.map((r) => (tensors.get(r.source) as tf.SymbolicTensor[])[r.outputIndex]),
      name,
    );
    const built = withActivityPenalty(builder({ node, params: node.params as never, inputs, name }), node.params, name);
    tensors.set(id, built.outputs);
    layersByNode.set(id, built.layers);
  }
  const inputs = analysis.inputs.filter((id) => needed.has(id));
  const model = tf.model({
    inputs: inputs.map((id) => (tensors.get(id) as tf.SymbolicTensor[])[0]),
    outputs: outputs.map((id) => (tensors.get(id) as tf.SymbolicTensor[])[0]),
    name: opts.name ?? "netforge_model",
  });
  const compiled: Compiled = { model, analysis, layersByNode, inputs, outputs };
  verifyAgainstSpecs(compiled, tensors, needed);
  // inferGraph found no error, so the input is a valid graph.
  applyInitialWeights(graph as Graph, analysis, layersByNode);
  return compiled;
}

/**
 * An activityRegularizer param becomes NetForge's identity layer after the node's first output,
 * for every kind at once: tfjs 4.22 throws when any of its layers is given one.
 */
function withActivityPenalty(built: Built, params: unknown, name: string): Built {
  const layer = activityLayer(
    (params as { activityRegularizer?: Regularizer | null }).activityRegularizer ?? null,
    name,
  );
  if (!layer) return built;
  const [first, ...rest] = built.outputs;
  return { outputs: [layer.apply(first) as tf.SymbolicTensor, ...rest], layers: [...built.layers, layer] };
}

/**
 * A node fed twice by one tensor (Attention(x, x), Multiply(x, x)) gets the repeats through an
 * identity layer each. tfjs' predict/evaluate executor counts a tensor's consumers per distinct
 * layer but releases it once per input slot, so a repeated input is disposed while another layer
 * still needs it ("Tensor is disposed", "reading 'backend'"). The identity has no weights and
 * serializes natively; gradients flow through it unchanged.
 */
function distinctInputs(inputs: tf.SymbolicTensor[], name: string): tf.SymbolicTensor[] {
  const seen = new Set<tf.SymbolicTensor>();
  return inputs.map((t, i) => {
    if (!seen.has(t)) {
      seen.add(t);
      return t;
    }
    return tf.layers.activation({ activation: "linear", name: `${name}_in${i}` }).apply(t) as tf.SymbolicTensor;
  });
}

/** tfjs layer names allow letters, digits, _ - . only, and must be unique in a model. */
function uniqueNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    let name = id.replace(/[^A-Za-z0-9_.-]/g, "_");
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}
