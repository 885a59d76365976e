import { type EvalModel, EvaluationError } from "./evaluate-model";

/** One raw sample encoded for the model: its values in the Input's shape, and what had to be assumed. */
export interface Encoded {
  values: Float32Array | Int32Array;
  /** The sample's shape (the Input's, with any unknown dimension resolved). */
  shape: number[];
  warnings: string[];
  /**
   * How the model's output values become what the user asked for (a series forecast back in the
   * target's units), and what each value is; absent: the outputs as the model gives them.
   */
  answer?: { names: string[]; decode(y: ArrayLike<number>): number[] };
}

/** What the encoders know about the run: its Input and its saved preprocessing (preprocessing.json). */
export interface EncodeContext {
  inputShape: (number | null)[];
  preprocessing: Record<string, unknown> | null;
  /** How the run's image source resized (stretch, cover, contain); stretch when unknown. */
  resize: "stretch" | "cover" | "contain";
  /**
   * How the run's pixels were scaled: "unit" = 0..255 divided by 255 (image folders, IDX by
   * default), "none" = 0..255 as they are (IDX scale "none"), null = no pixel scaling is known
   * (npy and inline data): raw pixels are fed as given.
   */
  pixelScale: "unit" | "none" | null;
}

/** The encoders' view of a run: its (one) Input's shape, its preprocessing and its image source's settings. */
export function encodeContext(
  m: Pick<EvalModel, "compiled" | "runData">,
  preprocessing: Record<string, unknown> | null,
): EncodeContext {
  const source = m.runData && !("kind" in m.runData) ? m.runData.source : null;
  return {
    inputShape: m.compiled.model.inputs[0].shape.slice(1),
    preprocessing,
    resize: source?.kind === "imageFolder" ? source.resize : "stretch",
    pixelScale: source?.kind === "imageFolder" ? "unit" : source?.kind === "idx" ? source.scale : null,
  };
}

const DATA = { table: "a table", text: "text", timeSeries: "a time series" } as Record<string, string>;

/** The run's saved preprocessing of the given kind, or a refusal naming what the run was trained on. */
export function need(ctx: EncodeContext, kind: string, what: string): Record<string, unknown> {
  const pre = ctx.preprocessing;
  if (pre?.kind !== kind)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `${what} needs a run trained on ${DATA[kind] ?? kind} (its preprocessing.json); ${pre ? `this run's data is ${String(pre.kind)}` : "this run saved no preprocessing (inline, npy or IDX data): give values or pixels"}`,
    );
  return pre;
}
