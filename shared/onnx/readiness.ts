import { ancestorsOf } from "../shapes/ancestors";
import type { GraphAnalysis } from "../shapes/infer";
import { EMITTER_NOTES } from "./emitters/index";
import type { EmitterTable, NoteContext, NoteRule, NoteTable, WeightTensor } from "./emitters/types";
import { emitNodes } from "./export";
import { OnnxGraph } from "./graph";
import { type NodeReadiness, READINESS_STATUSES, type ReadinessReport, type ReadinessStatus } from "./result";

export interface ReadinessOptions {
  /** A GAN exports its generator; this adds the discriminator as a second output. */
  includeDiscriminator?: boolean;
  /** Replace the emitter and note tables (tests plant broken ones). */
  emitters?: EmitterTable;
  notes?: NoteTable;
}

/**
 * The node ids whose values become the file's outputs: a GAN's generator marker (and its
 * discriminator marker on request), else every output of the graph, in graph order.
 */
export function exportOutputs(analysis: GraphAnalysis, opts: ReadinessOptions = {}): string[] {
  const gan = ganMarkers(analysis);
  if (!gan) return [...analysis.outputs];
  return opts.includeDiscriminator ? [gan.generator, gan.discriminator] : [gan.generator];
}

export function ganMarkers(analysis: GraphAnalysis): { generator: string; discriminator: string } | null {
  const find = (kind: string) => analysis.order.find((id) => analysis.nodes[id].kind === kind);
  const generator = find("GANGenerator");
  const discriminator = find("GANDiscriminator");
  return generator && discriminator ? { generator, discriminator } : null;
}

/**
 * What an export of this graph will contain, node by node, found by running the real emitters
 * on placeholder weights (a dry run that writes no tensor data): what each node becomes, what the
 * emitter modules say it approximates or drops, and why anything cannot be exported. Pure and
 * cheap enough to recompute as the graph is edited.
 */
export function exportReadiness(analysis: GraphAnalysis, opts: ReadinessOptions = {}): ReadinessReport {
  const notes = opts.notes ?? EMITTER_NOTES;
  const outputs = exportOutputs(analysis, opts);
  const gan = ganMarkers(analysis);
  const discriminator = gan ? ancestorsOf([gan.discriminator], analysis) : new Set<string>();
  const needed = included(analysis, outputs, discriminator);
  const problems = analysis.diagnostics
    .filter((d) => d.severity === "error" && d.nodeId === undefined)
    .map((d) => `${d.code}: ${d.message}`);
  if (analysis.order.length > 0 && outputs.length === 0) problems.push("the graph has no output to export");

  const blocked = blockedNodes(analysis);
  const clean = [...needed].filter((id) => analysis.nodes[id] && !blocked.has(id));
  const failures = new Map<string, string>();
  const ops = new Map<string, string[]>();
  emitNodes(analysis, new DryGraph(), {
    weights: placeholderWeights(analysis, clean),
    outputs: clean,
    emitters: opts.emitters,
    onNode: (id, added) =>
      ops.set(
        id,
        added.map((n) => n.opType),
      ),
    onError: (id, error) => failures.set(id, error instanceof Error ? error.message : String(error)),
  });

  const consumers = consumersOf(analysis);
  const nodes = analysis.order.map((id): NodeReadiness => {
    const node = analysis.nodes[id];
    const base = { id, name: node.name, kind: node.kind, ops: ops.get(id) ?? [] };
    if (!needed.has(id)) {
      const reason = discriminator.has(id)
        ? "part of the GAN's discriminator, which is exported only on request (includeDiscriminator, --discriminator)"
        : "not connected to an exported output";
      return { ...base, status: "excluded", reason };
    }
    const errors = node.diagnostics.filter((d) => d.severity === "error");
    const failure =
      errors.length > 0
        ? `has errors: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`
        : blocked.has(id)
          ? `needs ${blockedBy(analysis, id, blocked)}, which has errors (its input shapes are unknown)`
          : failures.get(id);
    if (failure !== undefined) {
      problems.push(`${node.kind} "${node.name}": ${failure}`);
      return { ...base, status: "notExportable", reason: failure };
    }
    const rule = notes[node.kind as keyof NoteTable] as NoteRule<never> | undefined;
    const ctx: NoteContext = { downstream: downstreamKinds(id, analysis, consumers) };
    const note = rule?.(node.params as never, ctx);
    return note ? { ...base, status: note.status, reason: note.reason } : { ...base, status: "exported" };
  });

  const counts = Object.fromEntries(READINESS_STATUSES.map((s) => [s, 0])) as Record<ReadinessStatus, number>;
  for (const n of nodes) counts[n.status]++;
  return { exportable: problems.length === 0, outputs, nodes, problems, counts };
}

/**
 * The nodes the file will hold: the outputs' ancestors. A node with errors may have lost its
 * input links in inference, so in a graph with errors every node outside the excluded half of a
 * GAN is judged on its own rather than reported as excluded.
 */
function included(
  analysis: GraphAnalysis,
  outputs: readonly string[],
  discriminator: ReadonlySet<string>,
): Set<string> {
  const needed = ancestorsOf(outputs, analysis);
  if (analysis.ok) return needed;
  for (const id of analysis.order) if (!discriminator.has(id) || needed.has(id)) needed.add(id);
  return needed;
}

/** An OnnxGraph that names initializers but keeps no data: the dry run needs the ops, not the bytes. */
class DryGraph extends OnnxGraph {
  override weight(base: string): string {
    return this.fresh(base);
  }
}

/** Zeros of each weight's spec shape, as views of one buffer (emitters only read weights). */
function placeholderWeights(analysis: GraphAnalysis, ids: readonly string[]): Record<string, WeightTensor[]> {
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  const largest = Math.max(0, ...ids.flatMap((id) => analysis.nodes[id].weights.map((w) => size(w.shape))));
  const zeros = new Float32Array(largest);
  return Object.fromEntries(
    ids.map((id) => [
      id,
      analysis.nodes[id].weights.map((w) => ({ shape: [...w.shape], data: zeros.subarray(0, size(w.shape)) })),
    ]),
  );
}

/** Nodes with errors, or whose shapes are unknown, and everything downstream of them. */
function blockedNodes(analysis: GraphAnalysis): Set<string> {
  const blocked = new Set<string>();
  for (const id of analysis.order) {
    const node = analysis.nodes[id];
    const bad =
      node.diagnostics.some((d) => d.severity === "error") ||
      node.outputShapes === null ||
      node.params === null ||
      node.inputRefs.some((r) => blocked.has(r.source));
    if (bad) blocked.add(id);
  }
  return blocked;
}

/** The nearest upstream node that has errors of its own, named for the report. */
function blockedBy(analysis: GraphAnalysis, id: string, blocked: ReadonlySet<string>): string {
  const stack = [...analysis.nodes[id].inputRefs.map((r) => r.source)];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const at = stack.shift() as string;
    if (seen.has(at) || !blocked.has(at)) continue;
    seen.add(at);
    const node = analysis.nodes[at];
    if (node.diagnostics.some((d) => d.severity === "error") || node.outputShapes === null)
      return `${node.kind} "${node.name}"`;
    stack.push(...node.inputRefs.map((r) => r.source));
  }
  // Inference keeps no links past a node with errors: the cause is upstream, unnamed.
  return "an upstream node";
}

function consumersOf(analysis: GraphAnalysis): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of analysis.order)
    for (const r of analysis.nodes[id].inputRefs) out.set(r.source, [...(out.get(r.source) ?? []), id]);
  return out;
}

function downstreamKinds(id: string, analysis: GraphAnalysis, consumers: Map<string, string[]>): Set<string> {
  const kinds = new Set<string>();
  const seen = new Set<string>();
  const stack = [...(consumers.get(id) ?? [])];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    if (seen.has(at)) continue;
    seen.add(at);
    kinds.add(analysis.nodes[at].kind);
    stack.push(...(consumers.get(at) ?? []));
  }
  return kinds;
}
