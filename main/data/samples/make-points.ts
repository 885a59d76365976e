/**
 * Tool (not run by the app or the tests): writes the generated points that two templates carry
 * inline (their `data`), so they open without a file: the 4-3-2-1 MLP's band and the multi-label
 * classifier's three properties. Seeded: running it again rewrites identical data.
 *
 *   npx tsx main/data/samples/make-points.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../../../shared/random";

export const SEED = 4321;
const TEMPLATES = join(import.meta.dirname, "../../../resources/templates");

/** Four decimals: enough for the task, and the JSON stays small. */
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * 4 features uniform in [-1, 1]; label 1 inside the band |x1 + x2 - x3 - x4| < 0.8 (about half
 * the points). The band is two parallel hyperplanes: not linearly separable, so the 4-3-2-1 MLP's
 * hidden layers are needed (two of its hidden units can place the two planes, the next layer ANDs them).
 */
export function bandPoints(n: number, seed = SEED): { x: number[][]; y: number[] } {
  const random = mulberry32(seed);
  const x = Array.from({ length: n }, () => [0, 1, 2, 3].map(() => round(random() * 2 - 1)));
  const y = x.map(([a, b, c, d]) => (Math.abs(a + b - c - d) < 0.8 ? 1 : 0));
  return { x, y };
}

/** The multi-label task's labels, in the order of its outputs. */
export const PROPERTIES = ["near the centre", "above the parabola", "same-sign quadrant"];

/**
 * 2-D points uniform in [-2, 2]^2, each with three independent yes/no properties (any subset can
 * hold): within 1.2 of the origin; above the parabola y = x^2 - 1; x and y of the same sign.
 */
export function multiLabelPoints(n: number, seed = SEED + 1): { x: number[][]; y: number[][] } {
  const random = mulberry32(seed);
  const x = Array.from({ length: n }, () => [round(random() * 4 - 2), round(random() * 4 - 2)]);
  const y = x.map(([a, b]) => [Math.hypot(a, b) < 1.2 ? 1 : 0, b > a * a - 1 ? 1 : 0, a * b > 0 ? 1 : 0]);
  return { x, y };
}

/** Replaces a template's inline data, keeping the rest of the file as it is. */
function setData(name: string, data: Record<string, unknown>): void {
  const file = join(TEMPLATES, `${name}.netforge.json`);
  const project = JSON.parse(readFileSync(file, "utf8"));
  project.data = data;
  writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setData("mlp-4-3-2-1", { kind: "inline", ...bandPoints(400), classNames: ["outside the band", "in the band"] });
  setData("multi-label", { kind: "inline", ...multiLabelPoints(400) });
}
