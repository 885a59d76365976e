/**
 * Tool (not run by the app or the tests): writes the generated and converted samples in
 * resources/datasets (see PROVENANCE.md there): the logic gates, the notes' car/truck table, sklearn's
 * 8x8 digits as CSV, the seasonal series, the dates-to-ISO translation pairs and the generated
 * product remarks. Running it again
 * gives identical bytes (everything is seeded). The labelled sentences are hand-written, not made here.
 *
 *   npx tsx main/data/samples/make.ts [outDir] [digitsCsvGz]
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { datePairs } from "../../../shared/datasets/date-words";
import { seasonalSeries } from "../../../shared/datasets/generators";
import { productRemarks } from "../../../shared/datasets/remark-words";

const ROOT = join(import.meta.dirname, "../../..");
/** Debian's python3-sklearn ships the 1,797 digits as 64 pixel columns plus the label, no header. */
export const DEBIAN_DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";

export const GATES: Record<string, (a: number, b: number) => number> = {
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  nand: (a, b) => 1 - (a & b),
  nor: (a, b) => 1 - (a | b),
  xor: (a, b) => a ^ b,
};

export const csv = (header: string[], rows: (string | number)[][]) =>
  `${[header, ...rows].map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(",")).join("\n")}\n`;

export function gateCsv(gate: string): string {
  const f = GATES[gate];
  return csv(
    ["x1", "x2", "y"],
    [0, 1].flatMap((a) => [0, 1].map((b) => [a, b, f(a, b)])),
  );
}

/** The notes' rows (003 L1417-1425), in their order; the notes print goods "02", i.e. 2. */
export const CAR_TRUCK: [number, number, string][] = [
  [15, 2, "Car"],
  [34, 67, "Truck"],
  [42, 54, "Truck"],
];

export function digitsCsv(gz: Buffer): string {
  const rows = gunzipSync(gz)
    .toString("utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(",").map(Number));
  for (const [i, r] of rows.entries()) {
    if (r.length !== 65 || !r.every((v, j) => Number.isInteger(v) && v >= 0 && v <= (j < 64 ? 16 : 9))) {
      throw new Error(`digits row ${i + 1}: expected 64 pixels 0..16 and a digit 0..9`);
    }
  }
  const header = [...Array.from({ length: 64 }, (_, p) => `pixel_${Math.floor(p / 8)}_${p % 8}`), "digit"];
  return csv(header, rows);
}

/** Three years of daily values from 2021-01-01 (UTC dates, so no time-zone shifts). */
export function seriesCsv(): string {
  const values = seasonalSeries({ length: 1095, seed: 2024 });
  const day0 = Date.UTC(2021, 0, 1);
  return csv(
    ["date", "value"],
    values.map((v, t) => [new Date(day0 + t * 86_400_000).toISOString().slice(0, 10), v.toFixed(2)]),
  );
}

export function datesCsv(): string {
  return csv(
    ["source", "target"],
    datePairs({ n: 3000, seed: 2024 }).map((p) => [p.source, p.target]),
  );
}

export function remarksCsv(): string {
  return csv(
    ["text", "label"],
    productRemarks({ n: 1200, seed: 2024 }).map((r) => [r.text, r.label]),
  );
}

async function main(outDir = join(ROOT, "resources/datasets"), digits = DEBIAN_DIGITS) {
  await mkdir(join(outDir, "logic-gates"), { recursive: true });
  for (const gate of Object.keys(GATES)) await writeFile(join(outDir, "logic-gates", `${gate}.csv`), gateCsv(gate));
  await writeFile(join(outDir, "car-truck.csv"), csv(["weight", "goods", "class"], CAR_TRUCK));
  await writeFile(join(outDir, "digits-8x8.csv"), digitsCsv(readFileSync(digits)));
  await writeFile(join(outDir, "seasonal-series.csv"), seriesCsv());
  await writeFile(join(outDir, "dates-to-iso.csv"), datesCsv());
  await writeFile(join(outDir, "remarks-generated.csv"), remarksCsv());
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await main(process.argv[2], process.argv[3]);
}
