import { getSpec } from "../layers/catalog";
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type GraphEdge, type GraphNode } from "./graph";
import { asNodeId, nextEdgeId, nextNodeId } from "./ids";

/** Horizontal distance between the blocks a builder places. */
export const BUILDER_STEP_X = 300;

/**
 * Builds graph documents in code (templates, tests, the CLI): ids are generated Keras-style and
 * edges default to the target's first input port, so a chain reads like a Sequential model.
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];

  add(kind: string, params: Record<string, unknown> = {}, opts: { id?: string; name?: string } = {}): string {
    const id = opts.id
      ? asNodeId(opts.id)
      : nextNodeId(
          kind,
          this.nodes.map((n) => n.id),
        );
    const node: GraphNode = {
      id,
      kind,
      params,
      // One row, a block's width (220 px on the canvas) plus a gap apart, so built graphs open
      // readable; the editor's auto-layout arranges branches.
      position: { x: this.nodes.length * BUILDER_STEP_X, y: 0 },
    };
    if (opts.name) node.name = opts.name;
    this.nodes.push(node);
    return id;
  }

  connect(source: string, target: string, targetPort?: string, sourcePort?: string): this {
    const node = this.nodes.find((n) => n.id === target);
    const port = targetPort ?? (node && getSpec(node.kind)?.inputs[0]?.name) ?? "in";
    const edge: GraphEdge = {
      id: nextEdgeId(this.edges.map((e) => e.id)),
      source: asNodeId(source),
      target: asNodeId(target),
      targetPort: port,
    };
    if (sourcePort) edge.sourcePort = sourcePort;
    this.edges.push(edge);
    return this;
  }

  /** Adds layers one after another, each fed by the previous; returns their ids. */
  chain(from: string | null, ...layers: [kind: string, params?: Record<string, unknown>][]): string[] {
    const ids: string[] = [];
    let prev = from;
    for (const [kind, params] of layers) {
      const id = this.add(kind, params ?? {});
      if (prev !== null) this.connect(prev, id);
      ids.push(id);
      prev = id;
    }
    return ids;
  }

  build(): Graph {
    return {
      format: GRAPH_FORMAT,
      version: GRAPH_VERSION,
      nodes: structuredClone(this.nodes),
      edges: structuredClone(this.edges),
    };
  }
}

/** A Sequential model as a graph: Input followed by the given layers. */
export function sequential(inputShape: (number | null)[], ...layers: [string, Record<string, unknown>?][]): Graph {
  const b = new GraphBuilder();
  b.chain(null, ["Input", { shape: inputShape }], ...layers);
  return b.build();
}
