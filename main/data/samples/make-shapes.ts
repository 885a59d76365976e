/**
 * Tool (not run by the app or the tests): writes resources/datasets/shapes-32/, ten classes of
 * 32x32 RGB PNG images in one subfolder per class (the imageFolder layout), for the 32x32x3
 * ten-class CNN template. Colours are drawn at random per image, independently of the class, so a
 * model has to learn shape and texture, not colour. Seeded: running it again gives identical
 * pixels (and identical bytes with the same sharp/libpng build; see PROVENANCE.md).
 *
 *   npx tsx main/data/samples/make-shapes.ts [outDir] [perClass]
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { mulberry32 } from "../../../shared/random";

export const SIZE = 32;
export const SEED = 15;
/** Subsamples per pixel side: coverage is averaged over 3x3 points, so edges are anti-aliased. */
const SUPER = 3;

/** Where a class draws: (x, y) in pixels, and per-image random draws r (size, angle, phase...). */
type Inside = (x: number, y: number, r: Draw) => boolean;
interface Draw {
  cx: number;
  cy: number;
  radius: number;
  angle: number;
  period: number;
  phase: number;
}

/** (x, y) turned by -angle around the shape's centre: the shape's own axes. */
const local = (x: number, y: number, d: Draw) => {
  const dx = x - d.cx;
  const dy = y - d.cy;
  const c = Math.cos(d.angle);
  const s = Math.sin(d.angle);
  return [c * dx + s * dy, -s * dx + c * dy];
};

const stripes = (value: (x: number, y: number) => number, d: Draw) =>
  Math.sin(((value(0, 0) + d.phase) * 2 * Math.PI) / d.period) > 0;

/** The ten classes: five shapes on a plain background and five textures filling the image. */
export const CLASSES: Record<string, Inside> = {
  circle: (x, y, d) => Math.hypot(x - d.cx, y - d.cy) < d.radius,
  ring: (x, y, d) => {
    const r = Math.hypot(x - d.cx, y - d.cy);
    return r < d.radius && r > d.radius * 0.6;
  },
  square: (x, y, d) => {
    const [u, v] = local(x, y, d);
    return Math.max(Math.abs(u), Math.abs(v)) < d.radius * 0.8;
  },
  triangle: (x, y, d) => {
    const [u, v] = local(x, y, d);
    // An equilateral triangle pointing along -v: inside its three edges' half-planes.
    const h = d.radius * 0.5;
    return [0, 1, 2].every((k) => {
      const a = (k * 2 * Math.PI) / 3;
      return Math.sin(a) * u - Math.cos(a) * v < h;
    });
  },
  cross: (x, y, d) => {
    const [u, v] = local(x, y, d);
    const [au, av, arm] = [Math.abs(u), Math.abs(v), d.radius * 0.32];
    return (au < arm && av < d.radius) || (av < arm && au < d.radius);
  },
  "horizontal-stripes": (_x, y, d) => stripes(() => y, d),
  "vertical-stripes": (x, _y, d) => stripes(() => x, d),
  "diagonal-stripes": (x, y, d) => stripes(() => (x + y) / Math.SQRT2, d),
  checkerboard: (x, y, d) =>
    (Math.floor((x + d.phase) / (d.period / 2)) + Math.floor((y + d.phase) / (d.period / 2))) % 2 === 0,
  dots: (x, y, d) => {
    const cell = d.period;
    const u = ((x + d.phase) % cell) - cell / 2;
    const v = ((y + d.phase) % cell) - cell / 2;
    return Math.hypot(u, v) < cell * 0.28;
  },
};

/** A random colour and one far enough from it (Euclidean RGB distance >= 120) to draw on it. */
function colours(random: () => number): [number[], number[]] {
  const pick = () => [0, 1, 2].map(() => Math.floor(random() * 256));
  const bg = pick();
  for (;;) {
    const fg = pick();
    if (Math.hypot(fg[0] - bg[0], fg[1] - bg[1], fg[2] - bg[2]) >= 120) return [bg, fg];
  }
}

/** One image's RGB bytes: the class drawn with random placement, size, angle and colours, plus noise. */
export function drawImage(inside: Inside, random: () => number): Buffer {
  const d: Draw = {
    cx: SIZE / 2 + (random() - 0.5) * 10,
    cy: SIZE / 2 + (random() - 0.5) * 10,
    radius: 7 + random() * 6,
    angle: random() * 2 * Math.PI,
    period: 5 + random() * 4,
    phase: random() * 10,
  };
  const [bg, fg] = colours(random);
  const out = Buffer.alloc(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPER; sy++)
        for (let sx = 0; sx < SUPER; sx++) if (inside(x + (sx + 0.5) / SUPER, y + (sy + 0.5) / SUPER, d)) hits++;
      const t = hits / (SUPER * SUPER);
      const noise = Math.round((random() - 0.5) * 16);
      for (let c = 0; c < 3; c++)
        out[(y * SIZE + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(bg[c] + t * (fg[c] - bg[c])) + noise));
    }
  return out;
}

async function main(outDir: string, perClass: number): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  // One stream per class, so adding or removing a class leaves the others' images unchanged.
  for (const [index, [name, inside]] of Object.entries(CLASSES).entries()) {
    const random = mulberry32(SEED * 1000 + index);
    await mkdir(join(outDir, name), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const png = await sharp(drawImage(inside, random), { raw: { width: SIZE, height: SIZE, channels: 3 } })
        .png({ compressionLevel: 9, adaptiveFiltering: true })
        .toBuffer();
      await writeFile(join(outDir, name, `${name}-${String(i).padStart(3, "0")}.png`), png);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? join(import.meta.dirname, "../../../resources/datasets/shapes-32");
  await main(outDir, Number(process.argv[3] ?? 60));
}
