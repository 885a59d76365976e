import type { TokenizerSpec } from "../../../shared/datasets/sources/text";
import type { RawSample } from "../../../shared/evaluation/request";
import { formatShape } from "../../../shared/shapes/shape";
import { encodeSequences, OOV_ID, tokenize } from "../../data/text/index";
import { type EncodeContext, type Encoded, need } from "./evaluate-encode-context";
import { encodeImage, encodePixels } from "./evaluate-encode-image";
import { encodeSeries } from "./evaluate-encode-series";
import { encodeRow } from "./evaluate-encode-table";
import { flatten } from "./evaluate-inputs";
import { EvaluationError } from "./evaluate-model";

export type { EncodeContext, Encoded } from "./evaluate-encode-context";

/**
 * A try-it sample (a table row, an image file or raw pixels, a text, a window of series steps,
 * numbers) through the run's preprocessing.
 */
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
    case "series":
      return encodeSeries(s.steps, ctx);
    case "pixels":
      return encodePixels(s, ctx);
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
  // A series window given as numbers is already differenced and scaled: so is the model's answer.
  const warnings =
    ctx.preprocessing?.kind === "timeSeries"
      ? [
          "fed as given (already differenced and scaled); the forecast is in the model's scaled units: give the raw steps for one in the target's units",
        ]
      : [];
  return { values: Float32Array.from(values), shape, warnings };
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
