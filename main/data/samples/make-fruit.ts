/**
 * Tool (not run by the app or the tests): writes resources/datasets/fruit.csv, a generated table
 * whose features are what real spreadsheets hold: categories (colour, origin) and numbers written
 * with their units ("152g", "7.4cm"). Seeded: running it again gives identical bytes.
 *
 *   npx tsx main/data/samples/make-fruit.ts [outDir]
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "../../../shared/random";
import { csv } from "./make";

export const FRUIT_SEED = 2024;

/** [value, weight] choices; a kind's numbers are one size draw spread over its ranges. */
interface Kind {
  colours: [string, number][];
  origins: string[];
  grams: [number, number];
  cm: [number, number];
}

/**
 * No single column decides: colours are shared (a yellow fruit is an apple, a lemon or a
 * grapefruit), sizes overlap (apples and oranges weigh the same), and origins hint without
 * deciding, so the network needs the categories and the numbers together.
 */
export const FRUIT: Record<string, Kind> = {
  apple: {
    colours: [
      ["red", 0.5],
      ["green", 0.3],
      ["yellow", 0.2],
    ],
    origins: ["Italy", "New Zealand", "Chile"],
    grams: [140, 230],
    cm: [6.8, 8.6],
  },
  orange: {
    colours: [
      ["orange", 0.85],
      ["green", 0.15],
    ],
    origins: ["Spain", "Morocco", "South Africa"],
    grams: [130, 250],
    cm: [6.5, 8.8],
  },
  lemon: {
    colours: [
      ["yellow", 0.8],
      ["green", 0.2],
    ],
    origins: ["Spain", "Italy"],
    grams: [70, 140],
    cm: [5.0, 6.6],
  },
  plum: {
    colours: [
      ["purple", 0.7],
      ["red", 0.3],
    ],
    origins: ["Chile", "Spain", "Italy"],
    grams: [35, 90],
    cm: [3.8, 5.6],
  },
  grapefruit: {
    colours: [
      ["yellow", 0.5],
      ["orange", 0.3],
      ["pink", 0.2],
    ],
    origins: ["South Africa", "Spain"],
    grams: [240, 420],
    cm: [9.0, 12.0],
  },
};

/** `n` rows cycling through the kinds (balanced classes): colour, weight, diameter, origin, kind. */
export function fruitRows(n: number, seed = FRUIT_SEED): string[][] {
  const random = mulberry32(seed);
  const pick = <T>(xs: [T, number][]): T => {
    let r = random();
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1][0];
  };
  const kinds = Object.keys(FRUIT);
  return Array.from({ length: n }, (_, i) => {
    const name = kinds[i % kinds.length];
    const k = FRUIT[name];
    // One size for both numbers (a big fruit is heavy and wide), each with its own noise.
    const size = random();
    const grams = k.grams[0] + (size + (random() - 0.5) * 0.2) * (k.grams[1] - k.grams[0]);
    const cm = k.cm[0] + (size + (random() - 0.5) * 0.2) * (k.cm[1] - k.cm[0]);
    const origin = k.origins[Math.floor(random() * k.origins.length)];
    return [pick(k.colours), `${Math.round(grams)}g`, `${cm.toFixed(1)}cm`, origin, name];
  });
}

export function fruitCsv(): string {
  return csv(["colour", "weight", "diameter", "origin", "kind"], fruitRows(400));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await writeFile(
    join(process.argv[2] ?? join(import.meta.dirname, "../../../resources/datasets"), "fruit.csv"),
    fruitCsv(),
  );
}
