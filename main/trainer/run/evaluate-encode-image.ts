import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RawSample } from "../../../shared/evaluation/request";
import { formatShape } from "../../../shared/shapes/shape";
import { toUnitFloat32 } from "../../data/idx/read";
import { type ChannelStats, standardize } from "../../data/image-folder/batches";
import { decodeImage } from "../../data/image-folder/decode";
import type { EncodeContext, Encoded } from "./evaluate-encode-context";
import { EvaluationError } from "./evaluate-model";

const NOT_IMAGE_DATA = new Set(["table", "text", "timeSeries", "sentencePairs"]);

/** The Input's image size, or a refusal: images feed a model whose Input is (height, width[, 1 or 3]). */
function imageInput(ctx: EncodeContext, what: string): [number, number, number] {
  const [h, w, c = 1] = ctx.inputShape;
  const data = ctx.preprocessing?.kind;
  if (typeof data === "string" && NOT_IMAGE_DATA.has(data))
    throw new EvaluationError("E_PREDICT_INPUT", `${what} needs a run trained on images; this run's data is ${data}`);
  if (ctx.inputShape.length < 2 || ctx.inputShape.length > 3 || !h || !w || (c !== 1 && c !== 3))
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `${what} needs a model whose Input is an image (height, width[, 1 or 3 channels]); this Input is ${formatShape(ctx.inputShape)}`,
    );
  return [h, w, c];
}

/** The image folder's per-channel standardization, when the run fitted one (in place). */
function standardizeAsTrained(px: Float32Array, ctx: EncodeContext, c: number): void {
  const stats = ctx.preprocessing?.kind === "imageFolder" ? (ctx.preprocessing.stats as ChannelStats | null) : null;
  if (stats) standardize(px, stats, c);
}

/** An image file (or dropped bytes) decoded at the Input's size, scaled as the run's images were. */
export async function encodeImage(s: Extract<RawSample, { kind: "image" }>, ctx: EncodeContext): Promise<Encoded> {
  const [h, w, c] = imageInput(ctx, "an image");
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
  // An IDX run with scale "none" trained on 0..255; decodeImage gives [0, 1].
  if (ctx.pixelScale === "none") for (let i = 0; i < px.length; i++) px[i] *= 255;
  standardizeAsTrained(px, ctx, c);
  return { values: px, shape: ctx.inputShape.length === 2 ? [h, w] : [h, w, c], warnings: [] };
}

/**
 * Raw uint8 pixels (an IDX or npy image, or decoded ones) in the Input's shape (a trailing channel
 * of 1 may be left out), scaled as the run's pixels were: divided by 255 for image folders and IDX
 * (scale "unit"), as they are for IDX scale "none" and for npy/inline data, then an image folder's
 * per-channel standardization.
 */
export function encodePixels(s: Extract<RawSample, { kind: "pixels" }>, ctx: EncodeContext): Encoded {
  const [h, w, c] = imageInput(ctx, "pixels");
  const shape = ctx.inputShape.length === 2 ? [h, w] : [h, w, c];
  const bare = (d: readonly (number | null)[]) => (d.length === 3 && d[2] === 1 ? d.slice(0, 2) : d).join("x");
  if (bare(s.shape) !== bare(shape))
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected pixels of shape ${formatShape(shape)} (the model's Input); received shape ${formatShape(s.shape)}`,
    );
  if (s.pixels.length !== h * w * c)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected ${h * w * c} pixels (shape ${formatShape(s.shape)}); received ${s.pixels.length}`,
    );
  const bad = s.pixels.findIndex((v) => !Number.isInteger(v) || v < 0 || v > 255);
  if (bad >= 0)
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected pixels as whole numbers 0..255 (uint8); received ${s.pixels[bad]} at index ${bad}`,
    );
  const u8 = Uint8Array.from(s.pixels);
  const px = ctx.pixelScale === "unit" ? toUnitFloat32(u8) : Float32Array.from(u8);
  standardizeAsTrained(px, ctx, c);
  return { values: px, shape, warnings: [] };
}
