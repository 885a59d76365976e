import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import sharp from "sharp";

/**
 * Builds image-folder fixtures as real files in a temporary folder (tests and the bench).
 * Generated rather than committed so each layout (valid, empty class, corrupt file, ...) is a few
 * readable lines and the images have pixel values the tests can predict exactly.
 */
export type Rgb = [number, number, number];

export const solid = (w: number, h: number, [r, g, b]: Rgb) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } });

export async function png(w: number, h: number, color: Rgb): Promise<Buffer> {
  return solid(w, h, color).png().toBuffer();
}

/** An image from explicit RGB pixels, row-major [h][w][3]. */
export async function fromPixels(w: number, h: number, px: number[], format: "png" | "webp" = "png") {
  const img = sharp(Buffer.from(px), { raw: { width: w, height: h, channels: 3 } });
  return format === "png" ? img.png().toBuffer() : img.webp({ lossless: true }).toBuffer();
}

/** A two-frame animated GIF: the first frame `first`, the second `second`. */
export async function animatedGif(w: number, h: number, first: Rgb, second: Rgb): Promise<Buffer> {
  const frames = await Promise.all([png(w, h, first), png(w, h, second)]);
  return sharp(frames, { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** Random bytes (seeded, so the fixture is the same every run) under an image name. */
export function corruptBytes(n = 200): Buffer {
  const b = Buffer.alloc(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

/** Writes files (relative path -> contents; a name ending in "/" makes an empty folder). */
export async function makeFolder(files: Record<string, Buffer | string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "netforge-imgfolder-"));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    if (rel.endsWith("/")) {
      await mkdir(path, { recursive: true });
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return root;
}

export const RED: Rgb = [255, 0, 0];
export const GREEN: Rgb = [0, 255, 0];
export const BLUE: Rgb = [0, 0, 255];
export const GREY: Rgb = [128, 128, 128];

/** The valid fixture: two classes, every format, mixed sizes, plus a hidden and a non-image file. */
export async function validFolder(): Promise<string> {
  return makeFolder({
    "cats/a.png": await png(8, 8, RED),
    "cats/b.jpg": await solid(8, 8, RED).jpeg({ quality: 95 }).toBuffer(),
    "cats/c.WEBP": await solid(8, 8, RED).webp({ lossless: true }).toBuffer(),
    "dogs/d.gif": await animatedGif(8, 8, BLUE, GREEN),
    "dogs/e.png": await png(12, 6, BLUE),
    "dogs/.DS_Store": "hidden",
    "dogs/notes.txt": "not an image",
  });
}
