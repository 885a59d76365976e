import type { GraphAnalysis, NodeAnalysis } from "../../shared/shapes/infer";
import { type Dim, type Shape, shapeSize } from "../../shared/shapes/shape";

/**
 * The model summary shown when nothing is selected (Keras' model.summary() plus cost columns).
 *
 * FLOPs rule: 2 x multiply-adds (one multiply and one add each) of the matrix products only:
 * Dense, convolutions, recurrent kernels (once per time step), attention projections and the
 * attention scores QK^T and weights x V. Element-wise work (biases, activations, normalization,
 * pooling, merges) is left out, as in the usual tables of model FLOPs; it is a few percent.
 *
 * Activation memory per sample: the sum of every layer's output tensor sizes x 4 bytes (float32),
 * Input included, what a forward pass keeps for the backward pass. A value is null when a
 * dimension it depends on is unknown (null in the shape); totals then add the known layers and
 * `complete` is false.
 */
export interface LayerSummary {
  id: string;
  name: string;
  kind: string;
  outputShapes: Shape[] | null;
  params: { trainable: number; nonTrainable: number; total: number };
  flops: number | null;
  activationBytes: number | null;
}

export interface ModelSummary {
  /** In topological order, then any layer left off the order (on a cycle). */
  layers: LayerSummary[];
  params: { trainable: number; nonTrainable: number; total: number };
  flops: number;
  activationBytes: number;
  /** False when some layer's FLOPs or memory could not be estimated (unknown dims or errors). */
  complete: boolean;
}

export const BYTES_PER_VALUE = 4;

export function summarize(analysis: GraphAnalysis): ModelSummary {
  const layers: LayerSummary[] = [];
  let flops = 0;
  let activationBytes = 0;
  let complete = true;
  for (const a of Object.values(analysis.nodes)) {
    const inputs = inputShapes(a, analysis);
    const macs = inputs ? multiplyAdds(a, inputs) : null;
    const bytes = outputBytes(a);
    const row: LayerSummary = {
      id: a.id,
      name: a.name,
      kind: a.kind,
      outputShapes: a.outputShapes,
      params: a.paramCount,
      flops: macs === null ? null : 2 * macs,
      activationBytes: bytes,
    };
    layers.push(row);
    if (row.flops === null || bytes === null) complete = false;
    flops += row.flops ?? 0;
    activationBytes += bytes ?? 0;
  }
  return { layers, params: analysis.totals, flops, activationBytes, complete };
}

function outputBytes(a: NodeAnalysis): number | null {
  if (!a.outputShapes) return null;
  let n = 0;
  for (const s of a.outputShapes) {
    const size = shapeSize(s);
    if (size === null) return null;
    n += size;
  }
  return n * BYTES_PER_VALUE;
}

/** The shapes the layer received, in the spec's order; null when an upstream shape is unknown. */
function inputShapes(a: NodeAnalysis, analysis: GraphAnalysis): Shape[] | null {
  if (!a.outputShapes) return null;
  const shapes: Shape[] = [];
  for (const r of a.inputRefs) {
    const s = analysis.nodes[r.source]?.outputShapes?.[r.outputIndex];
    if (!s) return null;
    shapes.push(s);
  }
  return shapes;
}

const product = (dims: readonly Dim[]): number | null => shapeSize(dims);
/** Positions a kernel is applied at: every index of a shape except its last (feature) axis. */
const positions = (s: Shape | undefined): number | null => (s ? product(s.slice(0, -1)) : null);
const RECURRENT = new Set(["SimpleRNN", "LSTM", "GRU", "Bidirectional"]);

function multiplyAdds(a: NodeAnalysis, inputs: readonly Shape[]): number | null {
  const out = a.outputShapes?.[0];
  switch (a.kind) {
    case "ScaledDotProductAttention": {
      const [q, v, k = v] = inputs;
      return scoreMacs(1, q[0], k[0], q[1], v[1]);
    }
    case "LuongAttention":
      return luong(a, inputs);
    case "MultiHeadAttention":
      return attention(a, { "": [inputs[0][0], inputs[1][0]] }, out);
    case "TransformerEncoderBlock":
      return attention(a, { "selfAttention/": [inputs[0][0], inputs[0][0]] }, out);
    case "TransformerDecoderBlock":
      return attention(
        a,
        {
          "selfAttention/": [inputs[0][0], inputs[0][0]],
          ...(inputs[1] ? { "crossAttention/": [inputs[0][0], inputs[1][0]] } : {}),
        },
        out,
      );
  }
  if (a.kind === "Embedding" || a.kind === "PositionalEncoding" || a.kind === "PReLU") return 0;
  const at =
    a.kind === "Conv2DTranspose" ? positions(inputs[0]) : RECURRENT.has(a.kind) ? inputs[0]?.[0] : positions(out);
  let macs = 0;
  for (const w of a.weights) {
    if (!w.trainable || w.shape.length < 2) continue;
    if (at === null || at === undefined) return null;
    // A tiled convolution stores tiles x tiles kernels but applies one of them at each position.
    const shared = a.kind === "TiledConv2D" ? w.shape[0] * w.shape[1] : 1;
    macs += (sizeOf(w.shape) / shared) * at;
  }
  return macs;
}

const sizeOf = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** QK^T and weights x V for `heads` heads: Tq x Tk x (d_k + d_v) multiply-adds per head. */
function scoreMacs(heads: number, tq: Dim | undefined, tk: Dim | undefined, dk: Dim | undefined, dv: Dim | undefined) {
  if (tq == null || tk == null || dk == null || dv == null) return null;
  return heads * tq * tk * (dk + dv);
}

/**
 * Multi-head attention blocks, keyed by weight-name prefix with their (Tq, Tk): query and output
 * projections run at the Tq query positions, key and value projections at the Tk key positions,
 * any other kernel (a feed-forward network) at every output position.
 */
function attention(a: NodeAnalysis, blocks: Record<string, [Dim | undefined, Dim | undefined]>, out?: Shape) {
  let macs = 0;
  for (const w of a.weights) {
    // Per-head biases are rank 2 ([heads, dim]) but are additions, not products.
    if (w.shape.length < 2 || !w.name.endsWith("kernel")) continue;
    const prefix = Object.keys(blocks).find((p) => w.name.startsWith(p) && /\/kernel$/.test(w.name.slice(p.length)));
    const part = prefix === undefined ? null : w.name.slice(prefix.length, -"/kernel".length);
    const [tq, tk] = prefix === undefined ? [null, null] : blocks[prefix];
    const at =
      part === "key" || part === "value" ? tk : part === "query" || part === "attentionOutput" ? tq : positions(out);
    if (at == null) return null;
    macs += sizeOf(w.shape) * at;
  }
  for (const [prefix, [tq, tk]] of Object.entries(blocks)) {
    const q = a.weights.find((w) => w.name === `${prefix}query/kernel`)?.shape;
    const v = a.weights.find((w) => w.name === `${prefix}value/kernel`)?.shape;
    if (!q || !v) continue;
    const s = scoreMacs(q[1], tq, tk, q[2], v[2]);
    if (s === null) return null;
    macs += s;
  }
  return macs;
}

function luong(a: NodeAnalysis, [q, v]: readonly Shape[]): number | null {
  const [tq, dq] = q;
  const [tv, dv] = v;
  if (tq === null || dq === null || tv === null || dv === null) return null;
  const context = tq * tv * dv;
  const score = a.params?.score;
  if (score === "general") return tq * dq * dv + tq * tv * dv + context;
  if (score === "concat") {
    const units = Number(a.params?.units ?? 0);
    return tq * tv * (dq + dv) * units + tq * tv * units + context;
  }
  return tq * tv * dq + context;
}
