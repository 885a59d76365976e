import { createStore, type StoreApi } from "zustand/vanilla";
import type { DatasetSummary } from "../../shared/datasets/summary";
import type { Diagnostic } from "../../shared/diagnostics";
import type { Graph } from "../../shared/ir/graph";
import { type GraphAnalysis, inferGraph, type NodeAnalysis } from "../../shared/shapes/infer";
import type { Shape } from "../../shared/shapes/shape";
import { type LossConfig, LossSchema } from "../../shared/training/config";
import { type BindingIssue, bindingDiagnostic, bindingIssues } from "./binding";
import type { DocumentStore } from "./document-store";
import { deepEqual } from "./equal";
import { type ModelSummary, summarize } from "./summary";

/**
 * Derived analysis (ANCHORS R15): shapes, diagnostics and the model summary, computed from the
 * document, never stored in it. It runs in a document-store subscription, off the React render
 * path, once per document version; moving nodes, renaming groups and other edits that cannot
 * change a shape reuse the previous result. Per-node results keep their identity while they stay
 * equal, so a node component selecting its own analysis re-renders only when that changed.
 *
 * When a probe summary of the bound data is set (setDataSummary), the data/model mismatches
 * (binding.ts) join the diagnostics everywhere a view reads them: the node's own list in `graph`
 * (the canvas badge), `graph.diagnostics` (the problems list), `nodeDiagnostics` and
 * `modelDiagnostics`; their fixes come from `binding` (fixes.ts).
 */
export interface Analysis {
  /** The document graph this analysis describes. */
  source: Graph;
  graph: GraphAnalysis;
  /** Diagnostics per node id and per edge id; absent ids have none. */
  nodeDiagnostics: Record<string, readonly Diagnostic[]>;
  edgeDiagnostics: Record<string, readonly Diagnostic[]>;
  /** Diagnostics about the model as a whole (no input, no output, several outputs, ...). */
  modelDiagnostics: readonly Diagnostic[];
  summary: ModelSummary;
  /** Mismatches between the bound data and the model, already merged into the lists above. */
  binding: readonly BindingIssue[];
}

export interface AnalysisState extends Analysis {
  /** The document version this analysis describes. */
  version: number;
  /** The probe summary of the project's bound data; null when none is known. */
  data: DatasetSummary | null;
}

export type AnalysisStore = StoreApi<AnalysisState>;

/** Pure: analyses a graph, reusing equal per-node and per-edge objects of `previous`. */
export function analyze(graph: Graph, previous?: Analysis): Analysis {
  const fresh = inferGraph(graph);
  const result = previous ? stabilize(fresh, previous.graph, recordsChanged(previous.source, graph)) : fresh;
  const nodeDiagnostics: Record<string, readonly Diagnostic[]> = {};
  const edgeDiagnostics: Record<string, Diagnostic[]> = {};
  const modelDiagnostics: Diagnostic[] = [];
  for (const [id, a] of Object.entries(result.nodes)) if (a.diagnostics.length) nodeDiagnostics[id] = a.diagnostics;
  for (const d of result.diagnostics) {
    if (d.edgeId !== undefined) edgeDiagnostics[d.edgeId] = [...(edgeDiagnostics[d.edgeId] ?? []), d];
    else if (d.nodeId === undefined) modelDiagnostics.push(d);
    // Graph-level diagnostics that name a node (a GAN pair mismatch) are not in the node's own list.
    else if (!result.nodes[d.nodeId]?.diagnostics.includes(d)) {
      nodeDiagnostics[d.nodeId] = [...(nodeDiagnostics[d.nodeId] ?? []), d];
    }
  }
  return {
    source: graph,
    graph: result,
    nodeDiagnostics,
    edgeDiagnostics,
    modelDiagnostics,
    summary: summarize(result),
    binding: [],
  };
}

/**
 * Pure: `base` (an analysis without data) with the data's binding issues merged in. Nodes that
 * gain a diagnostic get a new object, reused from `previous` while it is equal.
 */
export function withBinding(
  base: Analysis,
  data: DatasetSummary | null,
  previous?: Analysis,
  loss: LossConfig | null = null,
): Analysis {
  const binding = data ? bindingIssues(data, base.graph, loss) : [];
  if (binding.length === 0) return base;
  const nodes = { ...base.graph.nodes };
  const nodeDiagnostics = { ...base.nodeDiagnostics };
  const modelDiagnostics = [...base.modelDiagnostics];
  const added: Diagnostic[] = [];
  for (const issue of binding) {
    const d = bindingDiagnostic(issue);
    const node = d.nodeId === undefined ? undefined : nodes[d.nodeId];
    if (node && d.nodeId !== undefined) {
      const merged = { ...node, diagnostics: [...node.diagnostics, d] };
      const old = previous?.graph.nodes[d.nodeId];
      nodes[d.nodeId] = old && deepEqual(old, merged) ? old : merged;
      nodeDiagnostics[d.nodeId] = nodes[d.nodeId].diagnostics;
      added.push(nodes[d.nodeId].diagnostics.at(-1) as Diagnostic);
    } else {
      modelDiagnostics.push(d);
      added.push(d);
    }
  }
  return {
    ...base,
    graph: { ...base.graph, nodes, diagnostics: [...base.graph.diagnostics, ...added] },
    nodeDiagnostics,
    modelDiagnostics,
    binding,
  };
}

/** The project's loss when it sets a valid one; null leaves it to the model (suggested, so it fits). */
function lossOf(raw: unknown): LossConfig | null {
  const r = LossSchema.safeParse(raw);
  return r.success ? r.data : null;
}

const dataSetters = new WeakMap<AnalysisStore, (data: DatasetSummary | null) => void>();

/** Hands the analysis the probe summary of the bound data (null: none); a no-op when unchanged. */
export function setDataSummary(store: AnalysisStore, data: DatasetSummary | null): void {
  dataSetters.get(store)?.(data);
}

/**
 * Keeps the analysis in step with the document. Returns the store and a function that stops
 * following the document (for tests and for an editor that is thrown away).
 */
export function createAnalysisStore(doc: DocumentStore): { analysis: AnalysisStore; dispose: () => void } {
  const { project, version } = doc.getState();
  // The analysis without data: the base that graph edits stabilize against and data is merged into.
  let base = analyze(project.graph);
  // The project's own loss decides whether the targets fit too (a sparse loss with one-hot rows).
  let lossRaw = project.training.loss;
  let loss = lossOf(lossRaw);
  const analysis = createStore<AnalysisState>()(() => ({ ...base, version, data: null }));
  dataSetters.set(analysis, (data) => {
    const state = analysis.getState();
    if (data === state.data) return;
    analysis.setState({ ...withBinding(base, data, state, loss), data });
  });
  // Compared with the graph last analysed rather than by version, so that a caller who replaces
  // the project without bumping the version still gets a fresh analysis.
  let analysed = project.graph;
  const dispose = doc.subscribe((next) => {
    const graph = next.project.graph;
    const lossChanged = next.project.training.loss !== lossRaw;
    if (lossChanged) {
      lossRaw = next.project.training.loss;
      loss = lossOf(lossRaw);
    }
    if (!lossChanged && (graph === analysed || sameForAnalysis(analysed, graph))) {
      analysed = graph;
      if (next.version !== analysis.getState().version) analysis.setState({ version: next.version });
      return;
    }
    analysed = graph;
    const state = analysis.getState();
    base = analyze(graph, base);
    analysis.setState({ ...withBinding(base, state.data, state, loss), version: next.version });
  });
  return { analysis, dispose };
}

/**
 * True when the two graphs must analyse identically: the same edges, and nodes that differ at most
 * in position or group. Edits keep unchanged records by identity, so this is a pointer walk.
 */
export function sameForAnalysis(a: Graph, b: Graph): boolean {
  if (a.edges !== b.edges && (a.edges.length !== b.edges.length || a.edges.some((e, i) => e !== b.edges[i]))) {
    return false;
  }
  if (a.nodes === b.nodes) return true;
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (x.id !== y.id || x.kind !== y.kind || x.name !== y.name || x.params !== y.params) return false;
    if (x.initialWeights !== y.initialWeights) return false;
  }
  return true;
}

/** Ids of nodes whose record is not the very same object in both graphs. */
function recordsChanged(a: Graph, b: Graph): Set<string> {
  const before = new Map(a.nodes.map((n) => [n.id as string, n]));
  return new Set(b.nodes.filter((n) => before.get(n.id) !== n).map((n) => n.id as string));
}

function stabilize(next: GraphAnalysis, prev: GraphAnalysis, changed: ReadonlySet<string>): GraphAnalysis {
  const nodes: Record<string, NodeAnalysis> = {};
  for (const [id, a] of Object.entries(next.nodes)) {
    const old = prev.nodes[id];
    nodes[id] = old && sameNode(old, a, !changed.has(id)) ? old : a;
  }
  const edgeShapes: Record<string, Shape | null> = {};
  for (const [id, s] of Object.entries(next.edgeShapes)) {
    const old = prev.edgeShapes[id];
    edgeShapes[id] = old !== undefined && sameShape(old, s) ? old : s;
  }
  // Keep the diagnostics list pointing at the reused objects so `includes` checks still hold.
  const diagnostics = next.diagnostics.map((d) => {
    if (d.nodeId === undefined) return d;
    const fresh = next.nodes[d.nodeId];
    const kept = nodes[d.nodeId];
    const i = fresh ? fresh.diagnostics.indexOf(d) : -1;
    return i >= 0 && kept ? kept.diagnostics[i] : d;
  });
  return { ...next, nodes, edgeShapes, diagnostics };
}

const sameShape = (a: Shape | null, b: Shape | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((d, i) => d === b[i]));

/**
 * Cheap fields first. Params are a function of the node's record, so an unchanged record skips
 * their comparison; weights follow from params and input shapes, compared by their shapes.
 */
function sameNode(a: NodeAnalysis, b: NodeAnalysis, sameRecord: boolean): boolean {
  if (a.kind !== b.kind || a.name !== b.name || a.label !== b.label) return false;
  const pa = a.paramCount;
  const pb = b.paramCount;
  if (pa.trainable !== pb.trainable || pa.nonTrainable !== pb.nonTrainable) return false;
  if ((a.outputShapes === null) !== (b.outputShapes === null)) return false;
  if (a.outputShapes && b.outputShapes) {
    if (a.outputShapes.length !== b.outputShapes.length) return false;
    if (!a.outputShapes.every((s, i) => sameShape(s, (b.outputShapes as Shape[])[i]))) return false;
  }
  if (a.diagnostics.length !== b.diagnostics.length || a.inputRefs.length !== b.inputRefs.length) return false;
  if (!a.diagnostics.every((d, i) => deepEqual(d, b.diagnostics[i]))) return false;
  if (
    !a.inputRefs.every((r, i) => r.source === b.inputRefs[i].source && r.outputIndex === b.inputRefs[i].outputIndex)
  ) {
    return false;
  }
  if (a.outputPorts.length !== b.outputPorts.length || !a.outputPorts.every((p, i) => p === b.outputPorts[i]))
    return false;
  if (a.weights.length !== b.weights.length) return false;
  for (let i = 0; i < a.weights.length; i++) {
    const [x, y] = [a.weights[i], b.weights[i]];
    if (x.name !== y.name || x.trainable !== y.trainable || !sameShape(x.shape, y.shape)) return false;
  }
  return sameRecord || deepEqual(a.params, b.params);
}
