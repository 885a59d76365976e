import { attr } from "../model";
import { DataType } from "../proto";
import type { EmitterTable, NoteTable } from "./types";

/**
 * Embedding family (shared/layers/embedding.ts). maskZero has no ONNX counterpart: the mask only
 * changes what a downstream recurrent layer skips, so a model that relies on it exports the
 * unmasked computation (embeddingNotes says so in the readiness report).
 */
export const embeddingEmitters = {
  Embedding: ({ params, inputs: [input], g, prefix, weight }) => {
    let ids = g.toLayout(input, "channelsLast");
    // tfjs casts non-int32 ids to int32, truncating; ONNX Cast from float truncates as well.
    if (ids.elemType !== DataType.INT32 && ids.elemType !== DataType.INT64)
      ids = { ...ids, name: g.op1("Cast", [ids.name], { to: attr.i(DataType.INT64) }, `${prefix}/ids`) };
    const table = g.weight(`${prefix}/embeddings`, [params.inputDim, params.outputDim], weight("embeddings").data);
    const y = g.op1("Gather", [table, ids.name], { axis: attr.i(0) }, `${prefix}/Gather`);
    return [{ name: y, rank: ids.rank + 1, layout: "channelsLast", elemType: DataType.FLOAT }];
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

/** tfjs layers that consume an Embedding's mask: the recurrent ones skip masked steps. */
const MASK_CONSUMERS = ["SimpleRNN", "LSTM", "GRU", "Bidirectional"];

export const embeddingNotes = {
  Embedding: (params, { downstream }) => {
    if (!params.maskZero) return null;
    const consumers = MASK_CONSUMERS.filter((k) => downstream.has(k));
    return {
      status: consumers.length > 0 ? "approximated" : "exported",
      reason:
        consumers.length > 0
          ? `maskZero is dropped: ONNX has no masks, so the ${consumers.join(", ")} after it treats padding (id 0) steps as ordinary steps in the file, where NetForge skips them; outputs differ for sequences that contain padding`
          : "maskZero is dropped (ONNX has no masks); no recurrent layer after it reads the mask, so the outputs are unchanged",
      ignoredParams: ["maskZero"],
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
