import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TokenizerSpec } from "../../../shared/datasets/sources/text";
import type { RawSample } from "../../../shared/evaluation/request";
import { formatShape } from "../../../shared/shapes/shape";
import type { ChannelStats } from "../../data/image-folder/batches";
import { decodeImage } from "../../data/image-folder/decode";
import { applyTableStats, type TableRows, type TableStats } from "../../data/table/index";
import type { ResolvedColumn } from "../../data/table/infer";
import { type BadCell, readColumn } from "../../data/table/values";
import { encodeSequences, OOV_ID, tokenize } from "../../data/text/index";
import { flatten } from "./evaluate-inputs";
import { EvaluationError } from "./evaluate-model";

/** One raw sample encoded for the model: its values in the Input's shape, and what had to be assumed. */
export interface Encoded {
  values: Float32Array | Int32Array;
  /** The sample's shape (the Input's, with any unknown dimension resolved). */
  shape: number[];
  warnings: string[];
}

/** What the encoders know about the run: its Input and its saved preprocessing (preprocessing.json). */
export interface EncodeContext {
  inputShape: (number | null)[];
  preprocessing: Record<string, unknown> | null;
  /** How the run's image source resized (stretch, cover, contain); stretch when unknown. */
  resize: "stretch" | "cover" | "contain";
}

/** A try-it sample (a table row, an image, a text, numbers) through the run's preprocessing. */
export async function encodeSample(s: RawSample, ctx: EncodeContext): Promise<Encoded> {
  switch (s.kind) {
    case "values":
      return encodeValues(s.x, ctx);
    case "table":
      return encodeRow(s.row, ctx);
    case "image":
      return encodeImage(s, ctx);
    case "text":
      return encodeText(s.text, ctx);
  }
}

function encodeValues(x: unknown, ctx: EncodeContext): Encoded {
  const { values, shape } = flatten(x);
  const want = ctx.inputShape;
  if (
    shape.length !== want.length ||
    want.some((d, i) => d !== null && d !== shape[i]) ||
    values.some((v) => !Number.isFinite(v))
  )
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected numbers of shape ${formatShape(want)} (the model's Input); received ${values.some((v) => !Number.isFinite(v)) ? "a non-finite value" : `shape ${formatShape(shape)}`}`,
    );
  return { values: Float32Array.from(values), shape, warnings: [] };
}

function need(ctx: EncodeContext, kind: string, what: string): Record<string, unknown> {
  const pre = ctx.preprocessing;
  if (pre?.kind !== kind)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `${what} needs a run trained on ${kind === "table" ? "a table" : "text"} (its preprocessing.json); this run's data is ${pre ? String(pre.kind) : "inline numbers: give values"}`,
    );
  return pre;
}

/** A row by column name through the saved table statistics: categories, fills and normalization. */
function encodeRow(row: Record<string, string | number | boolean | null>, ctx: EncodeContext): Encoded {
  const stats = need(ctx, "table", "a table row").stats as TableStats;
  const warnings: string[] = [];
  const known = new Set([...stats.features.map((f) => f.name), stats.label.name]);
  const ignored = Object.keys(row).filter((k) => !known.has(k));
  if (stats.features.every((f) => row[f.name] === undefined)) {
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected a row with the feature columns ${stats.features.map((f) => JSON.stringify(f.name)).join(", ")}; received ${ignored.length === 0 ? "none of them" : `only ${ignored.map((k) => JSON.stringify(k)).join(", ")}`}`,
    );
  }
  if (ignored.length > 0) warnings.push(`ignored column(s) the run does not use: ${ignored.join(", ")}`);
  const cells = [
    stats.features.map((f) => (row[f.name] === undefined || row[f.name] === null ? "" : String(row[f.name]))),
  ];
  const columns: ResolvedColumn[] = stats.features.map((f, index) => ({
    name: f.name,
    index,
    type: f.type,
    role: "feature",
    ...(f.unit ? { unit: f.unit } : {}),
    stripUnit: f.stripUnit,
    encoding: f.encoding ?? "onehot",
  }));
  const bad: BadCell[] = [];
  const values = columns.map((c) => {
    const before = bad.length;
    const v = readColumn(cells, c, Int32Array.of(1), bad);
    if (bad.length > before)
      warnings.push(`${c.name}: ${JSON.stringify(bad[before].value)} is not ${c.type}; filled as missing`);
    return v;
  });
  const rows = {
    path: "the try-it row",
    features: columns,
    values,
    labels: new Float32Array(1),
  } as unknown as TableRows;
  const applied = applyTableStats(rows, stats);
  for (const f of stats.features) {
    const v = row[f.name];
    if (v === undefined || v === null || String(v).trim() === "")
      warnings.push(`${f.name} is missing; filled with ${JSON.stringify(f.fill)} as in training`);
  }
  for (const f of stats.features) {
    const v = row[f.name];
    if (f.categories && v !== undefined && v !== null && v !== "" && !f.categories.includes(String(v).trim()))
      warnings.push(`${f.name}: ${JSON.stringify(v)} was not seen in training (${f.categories.join(", ")})`);
  }
  return { values: applied.features, shape: [applied.features.length], warnings };
}

/** An image file (or dropped bytes) decoded at the Input's size, scaled as the run's images were. */
async function encodeImage(s: Extract<RawSample, { kind: "image" }>, ctx: EncodeContext): Promise<Encoded> {
  const [h, w, c = 1] = ctx.inputShape;
  if (ctx.inputShape.length < 2 || ctx.inputShape.length > 3 || !h || !w || (c !== 1 && c !== 3))
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `an image needs a model whose Input is an image (height, width[, 1 or 3 channels]); this Input is ${formatShape(ctx.inputShape)}`,
    );
  const options = {
    targetSize: [h, w] as [number, number],
    color: c === 3 ? ("rgb" as const) : ("grayscale" as const),
    resize: ctx.resize,
  };
  let px: Float32Array;
  if (s.path) px = await decodeImage(s.path, options);
  else {
    const dir = await mkdtemp(join(tmpdir(), "netforge-try-"));
    try {
      await writeFile(join(dir, "image"), Buffer.from(s.base64 as string, "base64"));
      px = await decodeImage(join(dir, "image"), options);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const stats = ctx.preprocessing?.kind === "imageFolder" ? (ctx.preprocessing.stats as ChannelStats | null) : null;
  if (stats) for (let i = 0; i < px.length; i++) px[i] = (px[i] - stats.mean[i % c]) / stats.std[i % c];
  return { values: px, shape: ctx.inputShape.length === 2 ? [h, w] : [h, w, c], warnings: [] };
}

/** A text through the run's tokenizer and vocabulary (unknown words become the OOV token, as in training). */
function encodeText(text: string, ctx: EncodeContext): Encoded {
  const pre = need(ctx, "text", "a text");
  const vocabulary = pre.vocabulary as string[];
  const tokens = tokenize(text, pre.tokenizer as TokenizerSpec);
  const layout = pre as unknown as { maxLength: number; padding: "pre" | "post"; truncation: "pre" | "post" };
  const { ids, stats } = encodeSequences([tokens], vocabulary, layout);
  const warnings: string[] = [];
  if (tokens.length === 0) warnings.push("the text holds no token the tokenizer keeps");
  if (stats.oov > 0)
    warnings.push(
      `${stats.oov} of ${stats.tokens} token(s) are unknown to the model (read as ${JSON.stringify(vocabulary[OOV_ID])})`,
    );
  if (stats.truncated > 0) warnings.push(`the text was cut to ${layout.maxLength} tokens`);
  return { values: ids, shape: [layout.maxLength], warnings };
}
