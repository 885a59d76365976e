import { ShapeError } from "../../shared/diagnostics";
import type { Project } from "../../shared/ir/project";
import { getSpec } from "../../shared/layers/catalog";
import { evaluateLayer } from "../../shared/layers/resolve";
import { outputsOf } from "../../shared/layers/spec";
import type { Shape } from "../../shared/shapes/shape";
import type { Analysis } from "../state/analysis";

/**
 * Whether a wire being dragged may be dropped (React Flow's isValidConnection, ANCHORS A5): the
 * ports exist, a single input is free, no cycle forms, and the tensor has a rank the target
 * accepts. Mismatches that a learner fixes by editing a layer (sizes of an Add, a kernel larger
 * than the image) are allowed: they become diagnostics with fixes rather than refusals.
 */
export interface ConnectionRequest {
  source: string;
  /** Output port; null or omitted means the first output. */
  sourceHandle?: string | null;
  target: string;
  /** Input port; null or omitted means the first input. */
  targetHandle?: string | null;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

export function checkConnection(
  project: Project,
  analysis: Analysis | undefined,
  conn: ConnectionRequest,
): ConnectionCheck {
  const { nodes, edges } = project.graph;
  const source = nodes.find((n) => n.id === conn.source);
  const target = nodes.find((n) => n.id === conn.target);
  if (!source) return refuse(`the source layer "${conn.source}" does not exist`);
  if (!target) return refuse(`the target layer "${conn.target}" does not exist`);
  const label = (n: typeof source) => `${n.kind} "${n.name ?? n.id}"`;
  if (source.id === target.id)
    return refuse(`${label(source)} cannot feed itself; layers form a directed acyclic graph`);

  const spec = getSpec(target.kind);
  if (!spec) return refuse(`${label(target)} has an unknown kind, so it accepts no connections`);
  if (spec.inputs.length === 0)
    return refuse(`${label(target)} takes no inputs; an Input is where data enters the model`);
  const portName = conn.targetHandle ?? spec.inputs[0].name;
  const port = spec.inputs.find((p) => p.name === portName);
  if (!port) {
    return refuse(
      `${label(target)} has no input "${portName}"; its inputs are ${spec.inputs.map((p) => p.name).join(", ")}`,
    );
  }

  const sourceAnalysis = analysis?.graph.nodes[source.id];
  const sourceSpec = getSpec(source.kind);
  const outputs = sourceAnalysis?.outputPorts.length
    ? sourceAnalysis.outputPorts
    : sourceSpec
      ? outputsOf(sourceSpec, sourceAnalysis?.params ?? {})
      : [];
  const outIndex = conn.sourceHandle ? outputs.indexOf(conn.sourceHandle) : 0;
  if (outIndex < 0)
    return refuse(`${label(source)} has no output "${conn.sourceHandle}"; its outputs are ${outputs.join(", ")}`);

  const into = edges.filter((e) => e.target === target.id && e.targetPort === port.name);
  const sameSource = (e: (typeof edges)[number]) =>
    e.source === source.id && (e.sourcePort ?? outputs[0]) === (conn.sourceHandle ?? outputs[0]);
  if (into.some(sameSource))
    return refuse(`${label(source)} is already connected to input "${port.name}" of ${label(target)}`);
  if (!port.variadic && into.length > 0) {
    const from = nodes.find((n) => n.id === into[0].source);
    return refuse(
      `input "${port.name}" of ${label(target)} takes one connection and already has one${from ? ` from ${label(from)}` : ""}; delete that connection first`,
    );
  }
  if (port.variadic?.max !== undefined && into.length >= port.variadic.max) {
    return refuse(`input "${port.name}" of ${label(target)} takes at most ${port.variadic.max} connections`);
  }
  if (reaches(edges, target.id, source.id)) {
    return refuse(`connecting would make a cycle: ${label(source)} already depends on ${label(target)}`);
  }

  return (
    checkRank(analysis, target.id, spec, port.name, sourceAnalysis?.outputShapes?.[outIndex], edges) ?? { ok: true }
  );
}

/** Depth-first search along edges: does `from` lead to `to`? */
function reaches(edges: Project["graph"]["edges"], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/**
 * Runs the target's own shape inference with the new tensor in place, when every input it needs
 * is known; only a rank error refuses the wire (the tensor is of the wrong kind altogether).
 */
function checkRank(
  analysis: Analysis | undefined,
  targetId: string,
  spec: NonNullable<ReturnType<typeof getSpec>>,
  portName: string,
  shape: Shape | undefined,
  edges: Project["graph"]["edges"],
): ConnectionCheck | null {
  const target = analysis?.graph.nodes[targetId];
  if (!analysis || !shape || !target?.params) return null;
  const inputs: Shape[] = [];
  for (const port of spec.inputs) {
    const shapes = edges
      .filter((e) => e.target === targetId && e.targetPort === port.name)
      .map((e) => analysis.graph.edgeShapes[e.id] ?? null);
    if (port.name === portName) shapes.push(shape);
    if (shapes.some((s) => s === null)) return null;
    if (shapes.length === 0 && !port.optional) return null;
    inputs.push(...(shapes as Shape[]));
  }
  try {
    evaluateLayer(spec, target.params, inputs);
  } catch (error) {
    if (error instanceof ShapeError && error.code === "E_RANK") return refuse(error.message);
  }
  return null;
}
