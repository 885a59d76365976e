import { type Diagnostic, diagnostic } from "../diagnostics";
import type { Graph, GraphEdge } from "../ir/graph";
import { equalShapes, formatShape } from "./shape";
import { nodeDiag, type Slot } from "./slot";

/**
 * Whole-model rules that no single layer can see: the model needs an Input and an output, unused
 * inputs and stray outputs are flagged, and a GAN pair must fit together.
 */
export function checkGraphLevel(
  graph: Graph,
  slots: Map<string, Slot>,
  edges: readonly GraphEdge[],
  out: Diagnostic[],
): { inputs: string[]; outputs: string[] } {
  const hasOutgoing = new Set(edges.map((e) => e.source));
  const all = [...slots.values()];
  const inputs = all.filter((s) => s.node.kind === "Input").map((s) => s.node.id);
  const outputs = all.filter((s) => s.node.kind !== "Input" && !hasOutgoing.has(s.node.id)).map((s) => s.node.id);
  if (graph.nodes.length === 0) {
    out.push(diagnostic("E_NO_INPUT", "the graph is empty; expected at least an Input layer and one layer after it"));
    return { inputs, outputs };
  }
  if (inputs.length === 0) {
    out.push(
      diagnostic("E_NO_INPUT", "the model has no Input layer; expected one Input per data source, received none"),
    );
  }
  if (outputs.length === 0) {
    out.push(
      diagnostic(
        "E_NO_OUTPUT",
        "the model has no output; expected at least one layer after the Input whose output is not consumed",
      ),
    );
  }
  for (const id of inputs) {
    const s = slots.get(id) as Slot;
    if (!hasOutgoing.has(id) && graph.nodes.length > 1) {
      s.a.diagnostics.push(nodeDiag(s, "W_UNUSED_INPUT", " is not connected to any layer; connect it or delete it"));
    }
  }
  const gan = checkGanPair(slots, edges, out);
  const stray = outputs.filter((id) => !gan.includes(id));
  if (gan.length === 0 ? stray.length > 1 : stray.length > 0) {
    const list = stray.map((id) => `"${id}"`).join(", ");
    out.push(
      diagnostic(
        "W_MULTIPLE_OUTPUTS",
        gan.length === 0
          ? `the model has ${stray.length} outputs (${list}); if one is unfinished, connect it or delete it`
          : `layers ${list} feed neither the generator nor the discriminator marker`,
      ),
    );
  }
  for (const s of all) warnDenseOnImage(s, slots);
  return { inputs, outputs };
}

/** Keras applies Dense to the last axis of an image tensor; usually a Flatten is missing. */
function warnDenseOnImage(s: Slot, slots: Map<string, Slot>): void {
  if (s.node.kind !== "Dense" || !s.a.outputShapes) return;
  const e = s.incoming.get("in")?.[0];
  const src = e && slots.get(e.source);
  const i = e?.sourcePort === undefined ? 0 : (src?.a.outputPorts.indexOf(e.sourcePort) ?? 0);
  const shape = src?.a.outputShapes?.[i];
  if (shape && shape.length >= 3) {
    s.a.diagnostics.push(
      nodeDiag(
        s,
        "W_DENSE_ON_RANK",
        ` acts on the last axis of ${formatShape(shape)} and outputs ${formatShape(s.a.outputShapes[0])}; insert Flatten (or global pooling) before it for a classifier or regressor head`,
      ),
    );
  }
}

/**
 * A GAN on the canvas is two sub-networks: one ends in GANGenerator, the other in GANDiscriminator.
 * The generator's output must have the shape of the discriminator's Input, since D sees real and
 * generated samples alike. Returns the marker node ids (the two intended outputs).
 */
function checkGanPair(slots: Map<string, Slot>, edges: readonly GraphEdge[], out: Diagnostic[]): string[] {
  const gens = [...slots.values()].filter((s) => s.node.kind === "GANGenerator");
  const discs = [...slots.values()].filter((s) => s.node.kind === "GANDiscriminator");
  if (gens.length === 0 && discs.length === 0) return [];
  if (gens.length !== 1 || discs.length !== 1) {
    out.push(
      diagnostic(
        "E_GAN_PAIR",
        `a GAN needs exactly one GANGenerator and one GANDiscriminator; received ${gens.length} and ${discs.length}`,
      ),
    );
    return [...gens, ...discs].map((s) => s.node.id);
  }
  const [g, d] = [gens[0], discs[0]];
  const dInputs = ancestors(d.node.id, edges).filter((id) => slots.get(id)?.node.kind === "Input");
  const gAncestors = new Set(ancestors(g.node.id, edges));
  if (gAncestors.has(d.node.id) || ancestors(d.node.id, edges).includes(g.node.id)) {
    out.push(
      diagnostic(
        "E_GAN_PAIR",
        "the generator and the discriminator must be separate sub-networks; one feeds the other on the canvas",
      ),
    );
  } else if (dInputs.length !== 1) {
    out.push(
      diagnostic(
        "E_GAN_PAIR",
        `the discriminator must start at exactly one Input (real samples); received ${dInputs.length}`,
      ),
    );
  } else {
    const gShape = g.a.outputShapes?.[0];
    const dShape = slots.get(dInputs[0])?.a.outputShapes?.[0];
    if (gShape && dShape && !equalShapes(gShape, dShape)) {
      out.push(
        diagnostic(
          "E_GAN_PAIR",
          `the generator outputs ${formatShape(gShape)} but the discriminator's Input "${dInputs[0]}" expects ${formatShape(dShape)}; they must be equal`,
          { nodeId: g.node.id },
        ),
      );
    }
  }
  return [g.node.id, d.node.id];
}

function ancestors(id: string, edges: readonly GraphEdge[]): string[] {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const e of edges) {
      if (e.target === cur && !seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  return [...seen];
}
