import { ancestorsOf } from "../shapes/ancestors";
import type { GraphAnalysis } from "../shapes/infer";
import { formatShape } from "../shapes/shape";
import { EMITTERS } from "./emitters/index";
import { type EmitContext, type EmitterTable, UnsupportedLayerError, type WeightTensor } from "./emitters/types";
import { FLOAT, OnnxGraph, type Value } from "./graph";
import { encodeModel, type NodeDef, type ValueInfo } from "./model";
import type { Pipeline } from "./pipeline/types";
import { IR_VERSION, OPSET_VERSION } from "./proto";

/**
 * Graph IR + trained weights -> ONNX bytes. Pure: the trainer reads the weights out of tfjs
 * (main/trainer/export) and the host verifies the file with onnxruntime.
 */
export interface ExportOptions {
  /** Each node's weights in the order of its spec's `weights()`; nodes without weights may be absent. */
  weights: Readonly<Record<string, readonly WeightTensor[]>>;
  /** Output node ids in model order (a GAN's generator, say); default: the graph's outputs. */
  outputs?: readonly string[];
  graphName?: string;
  producerVersion?: string;
  docString?: string;
  /** ONNX metadata_props: preprocessing, class names, the NetForge run. */
  metadata?: Readonly<Record<string, string>>;
  /** Replaces the emitter table (tests use it to plant a broken mapping). */
  emitters?: EmitterTable;
  /** Raw-data preprocessing in front of the Inputs and answers behind the outputs (pipeline/types.ts). */
  pipeline?: Pipeline;
}

export interface OnnxExport {
  bytes: Uint8Array;
  irVersion: number;
  opset: number;
  /** Graph inputs and outputs in model order (the order of `analysis.inputs` and `outputs`). */
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** The op type of every node, in graph order (for reports and layout tests). */
  ops: string[];
}

export function exportOnnx(analysis: GraphAnalysis, opts: ExportOptions): OnnxExport {
  const outputIds = opts.outputs ?? analysis.outputs;
  const g = new OnnxGraph();
  const values = emitNodes(analysis, g, { ...opts, outputs: outputIds });
  // A pipeline declares its own raw inputs (a table's columns, say) in place of the Inputs.
  const inputs = opts.pipeline
    ? [...g.inputs]
    : analysis.inputs
        .filter((id) => values.has(id))
        .map((id) => {
          const name = (values.get(id) as Value[])[0].name;
          return g.inputs.find((v) => v.name === name) as ValueInfo;
        });
  const network = graphOutputs(g, analysis, outputIds, values);
  const outputs = opts.pipeline
    ? opts.pipeline.outputs(
        g,
        network.map((info, i) => ({ id: outputIds[i], info })),
      )
    : network;
  const bytes = encodeModel({
    graphName: opts.graphName ?? "netforge",
    producerName: "NetForge",
    producerVersion: opts.producerVersion ?? "0",
    docString: opts.docString,
    inputs,
    outputs,
    nodes: g.nodes,
    initializers: g.initializers,
    metadata: { ...opts.metadata, ...opts.pipeline?.describe().metadata },
  });
  return { bytes, irVersion: IR_VERSION, opset: OPSET_VERSION, inputs, outputs, ops: g.nodes.map((n) => n.opType) };
}

export interface EmitOptions {
  weights: ExportOptions["weights"];
  pipeline?: Pipeline;
  outputs: readonly string[];
  emitters?: EmitterTable;
  /** Called after each node with the ONNX nodes it added and the values it returned. */
  onNode?: (id: string, added: readonly NodeDef[], outputs: readonly Value[]) => void;
  /**
   * Absorbs a node's failure (the readiness dry run): the node's outputs become placeholders of
   * the inferred rank, so its dependents are still tried. Without it, the failure is thrown.
   */
  onError?: (id: string, error: unknown) => void;
}

/** Emits the needed nodes (the outputs' ancestors) in topological order; returns each one's values. */
export function emitNodes(analysis: GraphAnalysis, g: OnnxGraph, opts: EmitOptions): Map<string, Value[]> {
  const emitters = opts.emitters ?? EMITTERS;
  const needed = ancestorsOf(opts.outputs, analysis);
  const values = new Map<string, Value[]>();
  for (const id of analysis.order) {
    if (!needed.has(id)) continue;
    const node = analysis.nodes[id];
    const before = g.nodes.length;
    try {
      const emit = (
        node.kind === "Input" && opts.pipeline
          ? pipelineInput(opts.pipeline, id)
          : emitters[node.kind as keyof EmitterTable]
      ) as ((c: EmitContext<never>) => Value[]) | undefined;
      if (!emit) throw new UnsupportedLayerError(node.kind, id);
      const weights = checkedWeights(analysis, id, opts.weights[id] ?? []);
      const ctx: EmitContext<never> = {
        node,
        params: node.params as never,
        inputs: node.inputRefs.map((r) => (values.get(r.source) as Value[])[r.outputIndex]),
        inputShapes: node.inputRefs.map((r) => analysis.nodes[r.source].outputShapes?.[r.outputIndex] ?? []),
        weights,
        weight: (name) => {
          const i = node.weights.findIndex((w) => w.name === name);
          if (i < 0) throw new Error(`${node.kind} "${id}" has no weight named ${name}`);
          return weights[i];
        },
        g,
        prefix: onnxName(node.name),
      };
      values.set(id, emit(ctx));
    } catch (error) {
      if (!opts.onError) throw error;
      opts.onError(id, error);
      g.nodes.length = before;
      values.set(id, placeholders(node, g));
    }
    opts.onNode?.(id, g.nodes.slice(before), values.get(id) as Value[]);
  }
  return values;
}

/**
 * An Input emitted through the pipeline: the bare Input's declaration (emitted on a scratch graph
 * for its name, dtype and dims) is handed to the pipeline, which declares the raw inputs instead.
 */
function pipelineInput(pipeline: Pipeline, id: string) {
  return (ctx: EmitContext<never>): Value[] => {
    const scratch = new OnnxGraph();
    const [bare] = (EMITTERS.Input as (c: EmitContext<never>) => Value[])({ ...ctx, g: scratch });
    const info = scratch.inputs[0];
    return [pipeline.input(ctx.g, id, { ...info, name: bare.name })];
  };
}

/** Stand-ins for the outputs of a node that failed, shaped as inference says. */
function placeholders(node: GraphAnalysis["nodes"][string], g: OnnxGraph): Value[] {
  return (node.outputShapes ?? [[]]).map((shape, i) => ({
    name: g.fresh(`${onnxName(node.name)}/unavailable${i}`),
    rank: shape.length + 1,
    layout: "channelsLast",
    elemType: FLOAT,
  }));
}

/**
 * Graph outputs are channels last, like tfjs' predictions, and named after their node: the
 * producing node's output is renamed, or an Identity is added when the value is a graph input or
 * already another output.
 */
function graphOutputs(g: OnnxGraph, analysis: GraphAnalysis, ids: readonly string[], values: Map<string, Value[]>) {
  const renamed = new Map<string, string>();
  return ids.map((id): ValueInfo => {
    const node = analysis.nodes[id];
    const v = g.toLayout((values.get(id) as Value[])[0], "channelsLast");
    const name = g.fresh(onnxName(node.name));
    const current = renamed.get(v.name) ?? v.name;
    const producer = g.nodes.find((n) => n.outputs.includes(current));
    if (producer && !renamed.has(v.name)) {
      for (const n of g.nodes) {
        n.outputs = n.outputs.map((o) => (o === current ? name : o));
        n.inputs = n.inputs.map((i) => (i === current ? name : i));
      }
      renamed.set(v.name, name);
    } else {
      g.nodes.push({ opType: "Identity", inputs: [current], outputs: [name], name, attributes: {} });
    }
    const shape = node.outputShapes?.[0] ?? [];
    return { name, elemType: v.elemType ?? FLOAT, dims: ["N", ...shape.map((d, i) => d ?? `${name}_d${i + 1}`)] };
  });
}

/** The weights must match the spec's list one to one; a mismatch is a trainer bug, so it throws. */
function checkedWeights(analysis: GraphAnalysis, id: string, weights: readonly WeightTensor[]): WeightTensor[] {
  const spec = analysis.nodes[id].weights;
  const got = weights.map((w) => formatShape(w.shape)).join(" ");
  const want = spec.map((w) => formatShape(w.shape)).join(" ");
  if (got !== want)
    throw new Error(`node "${id}": weights ${got || "(none)"} given, the spec lists ${want || "(none)"}`);
  return [...weights];
}

/** ONNX allows any string as a name; word characters keep the file readable in tools (Netron). */
export const onnxName = (name: string): string => name.replace(/[^A-Za-z0-9_.]/g, "_") || "node";
