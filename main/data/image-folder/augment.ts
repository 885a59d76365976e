import type { ImageAugmentation } from "../../../shared/datasets/sources/image-folder";
import { mulberry32 } from "../../../shared/random";

/** True when at least one augmentation is switched on. */
export function augmentationEnabled(a: ImageAugmentation): boolean {
  return (
    a.horizontalFlip || a.rotation > 0 || a.zoom > 0 || a.translation > 0 || a.gaussianNoise > 0 || a.saltPepper > 0
  );
}

/**
 * The random stream of one sample in one epoch. It depends only on (seed, epoch, sample), not on
 * the order in which concurrent decodes finish, so a seed always gives the same augmented batches.
 */
export function sampleRandom(seed: number, epoch: number, sample: number): () => number {
  // Mix the three numbers with murmur3's finalizer constants so nearby inputs give unrelated states.
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ epoch ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ sample ^ (h >>> 16), 0x85ebca6b);
  return mulberry32(h ^ (h >>> 13));
}

/**
 * Applies the augmentation to one image in place: pixels in [0, 1], shape [h, w, c].
 * Geometry (flip, rotation, zoom, translation) is one inverse affine map sampled bilinearly, with
 * reflected borders (Keras' RandomRotation/RandomZoom default fill_mode "reflect"), so no black
 * corners teach the model that corners are black. Noise is added after, then clipped to [0, 1].
 */
export function augmentImage(
  px: Float32Array,
  h: number,
  w: number,
  c: number,
  a: ImageAugmentation,
  random: () => number,
): Float32Array {
  const uniform = (r: number) => (2 * random() - 1) * r;
  const flip = a.horizontalFlip && random() < 0.5;
  const angle = (uniform(a.rotation) * Math.PI) / 180;
  const scale = 1 + uniform(a.zoom);
  const tx = uniform(a.translation) * w;
  const ty = uniform(a.translation) * h;
  if (flip || angle !== 0 || scale !== 1 || tx !== 0 || ty !== 0) {
    warp(px, h, w, c, { flip, angle, scale, tx, ty });
  }
  if (a.gaussianNoise > 0) {
    for (let i = 0; i < px.length; i += 2) {
      // Box-Muller: two independent normals per pair of uniforms.
      const r = Math.sqrt(-2 * Math.log(1 - random())) * a.gaussianNoise;
      const t = 2 * Math.PI * random();
      px[i] = clip01(px[i] + r * Math.cos(t));
      if (i + 1 < px.length) px[i + 1] = clip01(px[i + 1] + r * Math.sin(t));
    }
  }
  if (a.saltPepper > 0) {
    // Per pixel, all channels together: a salt grain is white, not a coloured speck.
    for (let p = 0; p < h * w; p++) {
      if (random() >= a.saltPepper) continue;
      const v = random() < 0.5 ? 0 : 1;
      for (let k = 0; k < c; k++) px[p * c + k] = v;
    }
  }
  return px;
}

interface Warp {
  flip: boolean;
  angle: number;
  scale: number;
  tx: number;
  ty: number;
}

/** out(p') = in(p) where p' = R(angle) * scale * (flip(p) - centre) + centre + t. */
function warp(px: Float32Array, h: number, w: number, c: number, t: Warp): void {
  const src = px.slice();
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const cos = Math.cos(-t.angle) / t.scale;
  const sin = Math.sin(-t.angle) / t.scale;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx - t.tx;
      const dy = y - cy - t.ty;
      let sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      if (t.flip) sx = w - 1 - sx;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const xa = reflect(x0, w);
      const xb = reflect(x0 + 1, w);
      const ya = reflect(y0, h) * w;
      const yb = reflect(y0 + 1, h) * w;
      const o = (y * w + x) * c;
      for (let k = 0; k < c; k++) {
        const top = src[(ya + xa) * c + k] * (1 - fx) + src[(ya + xb) * c + k] * fx;
        const bottom = src[(yb + xa) * c + k] * (1 - fx) + src[(yb + xb) * c + k] * fx;
        px[o + k] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}

/** Index into [0, n) mirrored at the edges: ... c b a | a b c d | d c b ... */
function reflect(i: number, n: number): number {
  const period = 2 * n;
  const m = ((i % period) + period) % period;
  return m < n ? m : period - 1 - m;
}

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
