import type { OnnxGraph, Value } from "../graph";
import { attr } from "../model";
import { DataType } from "../proto";
import type { EmitterTable, NoteTable } from "./types";

/**
 * Embedding family (shared/layers/embedding.ts). ONNX has no masks; maskZero's one effect, the
 * padding steps a recurrent layer skips, becomes the sequence lengths such a layer passes as
 * sequence_lens (embeddingNotes states what stays different).
 */
export const embeddingEmitters = {
  Embedding: ({ params, inputs: [input], g, prefix, weight }) => {
    let ids = g.toLayout(input, "channelsLast");
    // tfjs casts non-int32 ids to int32, truncating; ONNX Cast from float truncates as well.
    if (ids.elemType !== DataType.INT32 && ids.elemType !== DataType.INT64)
      ids = { ...ids, name: g.op1("Cast", [ids.name], { to: attr.i(DataType.INT64) }, `${prefix}/ids`) };
    const table = g.weight(`${prefix}/embeddings`, [params.inputDim, params.outputDim], weight("embeddings").data);
    const y = g.op1("Gather", [table, ids.name], { axis: attr.i(0) }, `${prefix}/Gather`);
    const out = { name: y, rank: ids.rank + 1, layout: "channelsLast" as const, elemType: DataType.FLOAT };
    if (params.maskZero && ids.rank === 2) {
      let lengths: string | undefined;
      LENGTHS.set(out, () => (lengths ??= sequenceLengths(g, ids.name, prefix)));
    }
    return [out];
  },
  PositionalEncoding: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    // y = x + PE[:T] (main/trainer/layers/positional-encoding.ts), on (N, ..., T, d).
    const x = g.toLayout(input, "channelsLast");
    const [t, d] = shape.slice(-2) as [number | null, number];
    const learned = params.mode === "learned" ? weight("embeddings").data : null;
    let pe: string;
    if (t !== null) {
      // A known T: PE[:T] is a constant, sliced or computed (float64, then float32) here.
      const rows = learned ? learned.subarray(0, t * d) : sinusoidTable(t, d);
      pe = g.weight(`${prefix}/encoding`, [t, d], rows);
    } else {
      // An unknown T: the whole table, cut to the run's T by Slice (ends = Shape(x)[-2]). The
      // sinusoidal table has no natural length; it is stored for max(maxLength, 512) positions,
      // and a longer input fails in Add with a shape error instead of computing something else.
      const length = learned ? params.maxLength : Math.max(params.maxLength, 512);
      const table = g.weight(`${prefix}/table`, [length, d], learned ?? sinusoidTable(length, d));
      const end = g.op1("Shape", [x.name], { start: attr.i(-2), end: attr.i(-1) }, `${prefix}/length`);
      pe = g.op1("Slice", [table, g.int64s([0]), end, g.int64s([0])], {}, `${prefix}/encoding`);
    }
    return [g.like(x, g.op1("Add", [x.name, pe], {}, `${prefix}/Add`))];
  },
} satisfies Partial<EmitterTable>;

/**
 * An Embedding(maskZero)'s output value -> its sequence lengths ([N] int32), emitted on first use.
 * Keyed by the value object itself: only a layer fed directly by the Embedding sees them (a value
 * another emitter derives, even by spreading this one, does not carry them), and a model without
 * such a layer gets no extra nodes.
 */
const LENGTHS = new WeakMap<Value, () => string>();

/** The sequence lengths of a recurrent layer's input, when it is an Embedding(maskZero)'s output. */
export function maskedLengths(input: Value): string | null {
  return LENGTHS.get(input)?.() ?? null;
}

/**
 * Per sample, the number of real (non-zero) ids as int32: for padding at the end, where the
 * sequence stops. (tfjs also skips a 0 inside a sequence; ONNX cannot, see embeddingNotes.)
 */
function sequenceLengths(g: OnnxGraph, ids: string, prefix: string): string {
  const asFloat = g.op1("Cast", [ids], { to: attr.i(DataType.FLOAT) }, `${prefix}/ids_float`);
  const padding = g.op1("Equal", [asFloat, g.scalar(0)], {}, `${prefix}/is_padding`);
  const real = g.op1("Not", [padding], {}, `${prefix}/is_real`);
  const counted = g.op1("Cast", [real], { to: attr.i(DataType.INT32) }, `${prefix}/real`);
  return g.op1("ReduceSum", [counted, g.int64s([1])], { keepdims: attr.i(0) }, `${prefix}/lengths`);
}

/** tfjs layers that consume an Embedding's mask: the recurrent ones skip masked steps. */
const MASK_CONSUMERS = ["SimpleRNN", "LSTM", "GRU", "Bidirectional"];

export const embeddingNotes = {
  Embedding: (params, { downstream }) => {
    if (!params.maskZero) return null;
    const consumers = MASK_CONSUMERS.filter((k) => downstream.has(k));
    if (consumers.length === 0)
      return {
        status: "exported",
        reason:
          "maskZero is dropped (ONNX has no masks); no recurrent layer after it reads the mask, so the outputs are unchanged",
        ignoredParams: ["maskZero"],
      };
    return {
      status: "approximated",
      reason: `maskZero becomes sequence lengths: a ${consumers.join(", ")} fed directly by this Embedding stops at each sequence's length (ONNX's sequence_lens), as NetForge skips the padding (id 0) steps. Exact for padding at the end (the text default) and the layer's final state; the file differs where a 0 sits inside or before a sequence (pre-padding), in a returnSequences layer's outputs at padded steps, and where other layers stand between the Embedding and the recurrent one`,
    };
  },
} satisfies NoteTable;

/**
 * Vaswani et al.'s table, PE[pos][2i] = sin(pos / 10000^(2i/d)), PE[pos][2i+1] = cos(...), in
 * float64 then float32: the same arithmetic as sinusoidTable in
 * main/trainer/layers/positional-encoding.ts (shared code cannot import the trainer's tfjs module).
 */
function sinusoidTable(length: number, d: number): Float32Array {
  const out = new Float32Array(length * d);
  for (let c = 0; c < d; c++) {
    const rate = 10000 ** (-(c - (c % 2)) / d);
    for (let pos = 0; pos < length; pos++) out[pos * d + c] = c % 2 === 0 ? Math.sin(pos * rate) : Math.cos(pos * rate);
  }
  return out;
}
