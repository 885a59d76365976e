import sharp from "sharp";
import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import { DataError } from "../errors";

export type DecodeOptions = Pick<ImageFolderSource, "targetSize" | "color" | "resize">;

export const channelsOf = (color: ImageFolderSource["color"]) => (color === "rgb" ? 3 : 1);

const FIT = { stretch: "fill", cover: "cover", contain: "contain" } as const;

/**
 * Decodes one image file (GIF: first frame) to pixels in [0, 1], shape [h, w, c], row-major.
 *
 * EXIF orientation is applied (phone photos are often stored sideways). Transparent pixels are
 * composited onto white, as the image looks in a browser, so the model sees what the user sees.
 * Output is forced to 8-bit sRGB so 16-bit PNGs and CMYK JPEGs scale the same way as the rest.
 * The file is only read (sharp opens it read-only). Throws E_IMG_DECODE naming the file.
 */
export async function decodeImage(file: string, opts: DecodeOptions): Promise<Float32Array> {
  const [h, w] = opts.targetSize;
  const c = channelsOf(opts.color);
  const { data, info } = await sharp(file)
    .rotate()
    .flatten({ background: "#ffffff" })
    .resize(w, h, { fit: FIT[opts.resize], position: "centre", background: "#000000" })
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true })
    .catch((e: unknown) => {
      throw new DataError("E_IMG_DECODE", `expected a readable PNG, JPEG, WebP or GIF image; ${reason(e)}`, file);
    });
  if (info.width !== w || info.height !== h || info.channels !== 3) {
    throw new DataError(
      "E_IMG_DECODE",
      `expected ${h}x${w}x3 pixels after resizing; received ${info.height}x${info.width}x${info.channels}`,
      file,
    );
  }
  const out = new Float32Array(h * w * c);
  if (c === 3) {
    for (let i = 0; i < out.length; i++) out[i] = data[i] / 255;
  } else {
    // ITU-R 601-2 luma on the sRGB values, as PIL's convert("L") computes it (its fixed-point
    // weights, rounded to a whole 0..255 grey), so a model exported from here sees the same grey
    // as the usual Python preprocessing, and a uint8 grey image fed to the exported file is
    // exactly what NetForge trained on. (libvips' own grayscale weights linear light: pure blue
    // would come out 0.30, not 0.11.)
    for (let p = 0; p < out.length; p++) {
      const grey = (data[3 * p] * 19595 + data[3 * p + 1] * 38470 + data[3 * p + 2] * 7471 + 0x8000) >> 16;
      out[p] = grey / 255;
    }
  }
  return out;
}

/** Width, height and channels from the header only (fast: pixels are not decoded). */
export async function readImageHeader(file: string): Promise<{ width: number; height: number; channels: number }> {
  try {
    const m = await sharp(file).metadata();
    if (!m.width || !m.height) throw new Error("the header has no size");
    return { width: m.width, height: m.height, channels: m.channels ?? 0 };
  } catch (e) {
    throw new DataError("E_IMG_DECODE", `expected a readable PNG, JPEG, WebP or GIF image; ${reason(e)}`, file);
  }
}

/** libvips messages repeat lines; the first one says what went wrong. */
function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return `received: ${text.split("\n")[0].trim()}`;
}

/**
 * Runs fn over items with at most `limit` calls in flight; results keep the items' order.
 * sharp decodes on libuv's thread pool (4 threads by default), so a handful in flight keeps the
 * cores busy without holding many decoded images at once.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
