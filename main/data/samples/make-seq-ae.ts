/**
 * Tool (not run by the app or the tests): writes the samples of the recurrent and autoencoder
 * templates in resources/datasets (see PROVENANCE.md there). Running it again gives identical bytes.
 *
 *   npx tsx main/data/samples/make-seq-ae.ts [outDir]
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { markerOrder } from "../../../shared/datasets/marker-order";
import { npyBytes } from "../npy/write";

const ROOT = join(import.meta.dirname, "../../..");
export const MARKER_ORDER = { n: 2000, steps: 30, seed: 2024 };

/**
 * The bundled 8x8 digits as images without labels, [n, 8, 8, 1] float32 in 0..1 (pixel / 16): a
 * .npy x alone is what trains an autoencoder (targets = inputs), and the channel axis lets a
 * convolutional one read it as it is.
 */
export function digitImages(csv: string): { data: Float32Array; shape: number[] } {
  const rows = csv.trim().split(/\r?\n/).slice(1);
  const data = new Float32Array(rows.length * 64);
  rows.forEach((line, i) => {
    const values = line.split(",").map(Number);
    if (values.length !== 65) throw new Error(`digits row ${i + 2}: expected 64 pixels and a label`);
    for (let p = 0; p < 64; p++) data[i * 64 + p] = values[p] / 16;
  });
  return { data, shape: [rows.length, 8, 8, 1] };
}

async function main(outDir = join(ROOT, "resources/datasets")) {
  const seq = markerOrder(MARKER_ORDER);
  await mkdir(join(outDir, "marker-order"), { recursive: true });
  await writeFile(join(outDir, "marker-order", "x.npy"), npyBytes(seq.x, [MARKER_ORDER.n, MARKER_ORDER.steps, 1]));
  await writeFile(join(outDir, "marker-order", "y.npy"), npyBytes(seq.y, [MARKER_ORDER.n]));
  const digits = digitImages(readFileSync(join(ROOT, "resources/datasets/digits-8x8.csv"), "utf8"));
  await writeFile(join(outDir, "digits-8x8-images.npy"), npyBytes(digits.data, digits.shape));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await main(process.argv[2]);
}
