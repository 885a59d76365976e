import { type Diagnostic, type DiagnosticCode, diagnostic, ShapeError } from "../diagnostics";
import type { Graph, GraphEdge, GraphNode } from "../ir/graph";
import { parseGraph } from "../ir/load";
import { topologicalOrder } from "../ir/topo";
import { getSpec } from "../layers/catalog";
import { evaluateLayer, resolveParams } from "../layers/resolve";
import { outputsOf } from "../layers/spec";
import { checkGraphLevel } from "./graph-checks";
import { formatShape, type Shape } from "./shape";
import { type NodeAnalysis, nodeDiag, type Slot } from "./slot";

export type { NodeAnalysis };

export interface GraphAnalysis {
  /** True when no diagnostic is an error (warnings allowed). */
  ok: boolean;
  order: string[];
  nodes: Record<string, NodeAnalysis>;
  /** Shape carried by each edge (the source port's output), for canvas labels. */
  edgeShapes: Record<string, Shape | null>;
  inputs: string[];
  outputs: string[];
  totals: { trainable: number; nonTrainable: number; total: number };
  /** Every diagnostic, node-level ones included, in topological order. */
  diagnostics: Diagnostic[];
}

/**
 * Shape inference and validation of a whole graph. Accepts anything (a parsed file, a random
 * object) and never throws: problems come back as coded diagnostics on the node or edge concerned.
 */
export function inferGraph(raw: unknown): GraphAnalysis {
  const parsed = parseGraph(raw);
  if (!parsed.ok) return emptyAnalysis(parsed.diagnostics);
  try {
    return analyse(parsed.value);
  } catch (error) {
    // A bug in a spec or here must not take the editor down; report it like any other problem.
    return emptyAnalysis([diagnostic("E_INTERNAL", `shape inference failed unexpectedly: ${String(error)}`)]);
  }
}

function emptyAnalysis(diagnostics: Diagnostic[]): GraphAnalysis {
  const zero = { trainable: 0, nonTrainable: 0, total: 0 };
  return {
    ok: false,
    order: [],
    nodes: {},
    edgeShapes: {},
    inputs: [],
    outputs: [],
    totals: zero,
    diagnostics,
  };
}

function analyse(graph: Graph): GraphAnalysis {
  const graphDiagnostics: Diagnostic[] = [];
  const slots = new Map<string, Slot>();
  for (const node of graph.nodes) {
    if (slots.has(node.id)) {
      graphDiagnostics.push(
        diagnostic("E_DUPLICATE_ID", `node id "${node.id}" is used by more than one node`, { nodeId: node.id }),
      );
      continue;
    }
    slots.set(node.id, createSlot(node));
  }

  const validEdges = connectEdges(graph.edges, slots, graphDiagnostics);
  const { order, onCycle } = topologicalOrder([...slots.keys()], validEdges);
  if (onCycle.length > 0) {
    const names = onCycle.map((id) => `"${id}"`).join(", ");
    for (const id of onCycle) {
      const s = slots.get(id) as Slot;
      s.a.diagnostics.push(
        nodeDiag(s, "E_CYCLE", ` is part of a cycle (${names}); layers must form a directed acyclic graph`),
      );
    }
  }

  const edgeShapes: Record<string, Shape | null> = {};
  for (const id of order) inferNode(slots.get(id) as Slot, slots);
  for (const e of graph.edges) edgeShapes[e.id] = sourceShape(e, slots);

  const { inputs, outputs } = checkGraphLevel(graph, slots, validEdges, graphDiagnostics);
  const nodes: Record<string, NodeAnalysis> = {};
  const totals = { trainable: 0, nonTrainable: 0, total: 0 };
  const diagnostics = [...graphDiagnostics];
  const placed = new Set(order);
  for (const id of [...order, ...[...slots.keys()].filter((k) => !placed.has(k))]) {
    const a = (slots.get(id) as Slot).a;
    nodes[id] = a;
    totals.trainable += a.paramCount.trainable;
    totals.nonTrainable += a.paramCount.nonTrainable;
    totals.total += a.paramCount.total;
    diagnostics.push(...a.diagnostics);
  }
  const ok = diagnostics.every((d) => d.severity !== "error");
  return { ok, order, nodes, edgeShapes, inputs, outputs, totals, diagnostics };
}

function createSlot(node: GraphNode): Slot {
  const spec = getSpec(node.kind);
  const name = node.name ?? node.id;
  const a: NodeAnalysis = {
    id: node.id,
    kind: node.kind,
    name,
    params: null,
    outputPorts: [],
    outputShapes: null,
    weights: [],
    paramCount: { trainable: 0, nonTrainable: 0, total: 0 },
    label: "",
    inputRefs: [],
    diagnostics: [],
  };
  const slot: Slot = { node, spec, a, incoming: new Map() };
  if (!spec) {
    a.diagnostics.push(
      nodeDiag(slot, "E_UNKNOWN_KIND", ` unknown layer kind "${node.kind}"; see \`netforge layers\` for the catalog`),
    );
    return slot;
  }
  const { params, issues } = resolveParams(spec, node.params);
  a.params = params;
  a.outputPorts = outputsOf(spec, params);
  a.label = spec.label(params);
  for (const issue of issues) {
    a.diagnostics.push(
      nodeDiag(slot, issue.unknown ? "E_PARAM_UNKNOWN" : "E_PARAM_INVALID", `: ${issue.message}`, issue.param),
    );
  }
  return slot;
}

/** Checks each edge's endpoints and ports; returns the edges that carry a tensor. */
function connectEdges(edges: readonly GraphEdge[], slots: Map<string, Slot>, out: Diagnostic[]): GraphEdge[] {
  const valid: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    if (seen.has(e.id)) {
      out.push(diagnostic("E_DUPLICATE_ID", `edge id "${e.id}" is used by more than one edge`, { edgeId: e.id }));
      continue;
    }
    seen.add(e.id);
    const src = slots.get(e.source);
    const dst = slots.get(e.target);
    if (!src || !dst) {
      const missing = !src ? e.source : e.target;
      out.push(
        diagnostic("E_DANGLING_EDGE", `edge "${e.id}" refers to node "${missing}", which does not exist`, {
          edgeId: e.id,
        }),
      );
      continue;
    }
    if (src.spec && e.sourcePort !== undefined && !src.a.outputPorts.includes(e.sourcePort)) {
      out.push(portDiag(e, src, "output", e.sourcePort, src.a.outputPorts));
      continue;
    }
    if (dst.spec) {
      const port = dst.spec.inputs.find((p) => p.name === e.targetPort);
      if (!port) {
        out.push(
          portDiag(
            e,
            dst,
            "input",
            e.targetPort,
            dst.spec.inputs.map((p) => p.name),
          ),
        );
        continue;
      }
      const list = dst.incoming.get(port.name) ?? [];
      if (!port.variadic && list.length >= 1) {
        dst.a.diagnostics.push(
          nodeDiag(
            dst,
            "E_TOO_MANY_INPUTS",
            `: input "${port.name}" takes one connection; received a second from "${e.source}" (edge "${e.id}")`,
          ),
        );
        continue;
      }
      list.push(e);
      dst.incoming.set(port.name, list);
    }
    valid.push(e);
  }
  return valid;
}

function inferNode(slot: Slot, slots: Map<string, Slot>): void {
  const { spec, a } = slot;
  if (!spec || a.params === null || a.diagnostics.some((d) => d.severity === "error")) return;
  const inputs: Shape[] = [];
  const refs: NodeAnalysis["inputRefs"] = [];
  for (const port of spec.inputs) {
    const edges = slot.incoming.get(port.name) ?? [];
    const min = port.variadic ? port.variadic.min : port.optional ? 0 : 1;
    if (edges.length < min) {
      const code: DiagnosticCode = port.variadic ? "E_TOO_FEW_INPUTS" : "E_UNCONNECTED_INPUT";
      const expected = port.variadic ? `at least ${min} connections` : "a connection";
      a.diagnostics.push(nodeDiag(slot, code, `: input "${port.name}" needs ${expected}; received ${edges.length}`));
      return;
    }
    if (port.variadic?.max !== undefined && edges.length > port.variadic.max) {
      a.diagnostics.push(
        nodeDiag(
          slot,
          "E_TOO_MANY_INPUTS",
          `: input "${port.name}" takes at most ${port.variadic.max} connections; received ${edges.length}`,
        ),
      );
      return;
    }
    for (const e of edges) {
      const shape = sourceShape(e, slots);
      // An upstream problem is reported where it happens; downstream shapes stay unknown quietly.
      if (shape === null) return;
      inputs.push(shape);
      refs.push({ source: e.source, outputIndex: outputIndex(e, slots) });
    }
  }
  a.inputRefs = refs;
  try {
    const r = evaluateLayer(spec, a.params, inputs);
    a.outputShapes = r.outputs;
    a.weights = r.weights;
    a.paramCount = {
      trainable: r.trainable,
      nonTrainable: r.nonTrainable,
      total: r.trainable + r.nonTrainable,
    };
    checkInitialWeights(slot);
  } catch (error) {
    if (error instanceof ShapeError) {
      a.diagnostics.push(nodeDiag(slot, error.code, rest(spec.kind, error.message), error.param));
    } else {
      a.diagnostics.push(
        nodeDiag(slot, "E_INTERNAL", `: shape inference failed unexpectedly (${String(error)}); please report this`),
      );
    }
  }
}

function checkInitialWeights(slot: Slot): void {
  const given = slot.node.initialWeights;
  if (!given) return;
  for (const [name, values] of Object.entries(given)) {
    const w = slot.a.weights.find((x) => x.name === name);
    const size = w?.shape.reduce((p, d) => p * d, 1);
    if (!w) {
      const names = slot.a.weights.map((x) => x.name).join(", ") || "(none)";
      slot.a.diagnostics.push(
        nodeDiag(slot, "E_WEIGHTS_SHAPE", `: initial weights name "${name}", but the layer's weights are ${names}`),
      );
    } else if (size !== values.length) {
      slot.a.diagnostics.push(
        nodeDiag(
          slot,
          "E_WEIGHTS_SHAPE",
          `: initial weights "${name}" need ${size} values for shape ${formatShape(w.shape)}; received ${values.length}`,
        ),
      );
    }
  }
}

function outputIndex(e: GraphEdge, slots: Map<string, Slot>): number {
  return e.sourcePort === undefined ? 0 : (slots.get(e.source)?.a.outputPorts.indexOf(e.sourcePort) ?? -1);
}

function sourceShape(e: GraphEdge, slots: Map<string, Slot>): Shape | null {
  const src = slots.get(e.source);
  if (!src?.a.outputShapes) return null;
  return src.a.outputShapes[outputIndex(e, slots)] ?? null;
}

/** Spec messages start with the kind ("Conv2D expects ..."); the node's name goes right after it. */
function rest(kind: string, message: string): string {
  return message.startsWith(kind) ? message.slice(kind.length) : `: ${message}`;
}

function portDiag(
  e: GraphEdge,
  slot: Slot,
  side: "input" | "output",
  port: string,
  known: readonly string[],
): Diagnostic {
  const list = known.length ? known.map((p) => `"${p}"`).join(", ") : "none";
  return diagnostic(
    "E_UNKNOWN_PORT",
    `edge "${e.id}": ${slot.node.kind} "${slot.a.name}" has no ${side} port "${port}"; its ${side} ports are ${list}`,
    { edgeId: e.id, nodeId: slot.node.id },
  );
}
