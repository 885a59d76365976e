/**
 * Tool (not run by the app or the tests): writes resources/datasets/digit-tree.csv, the tree
 * network template's data. Seeded: running it again gives identical bytes.
 *
 *   npx tsx main/data/samples/make-tree.ts [outDir]
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "../../../shared/random";
import { csv } from "./make";

export const TREE_SEED = 2024;

/**
 * The value of one expression over 8 leaves on a fixed balanced binary tree whose operator depends
 * on the level only: ((l1 and l2) or (l3 and l4)) and ((l5 and l6) or (l7 and l8)), where a leaf
 * is two digits and true when the first is smaller ("3 7" is true, "7 3" false). The 16 tokens pair
 * up exactly as the tree does, so each level of the template combines sibling pairs, and a leaf
 * means its two tokens in their order: a bag of words cannot read it. (Leaves whose value is an
 * XOR of their tokens, such as "even 4" / "odd 4", or an XOR in the tree, left the template at
 * chance: no single token then correlates with the answer, so gradient descent finds no first step.)
 */
export function treeValue(leaves: readonly boolean[]): boolean {
  const level = (xs: readonly boolean[], op: (a: boolean, b: boolean) => boolean) =>
    xs.flatMap((_, i) => (i % 2 === 0 ? [op(xs[i], xs[i + 1])] : []));
  const and = level(leaves, (a, b) => a && b);
  const or = level(and, (a, b) => a || b);
  return level(or, (a, b) => a && b)[0];
}

/** A leaf is true this often: then the AND-OR tree is true for about half the rows (0.506). */
const LEAF_TRUE = 0.68;

/** Every ordered pair of digits, split by whether the first is smaller. */
const PAIRS = Array.from({ length: 100 }, (_, i) => [Math.floor(i / 10), i % 10]);
const SMALLER = PAIRS.filter(([a, b]) => a < b);
const NOT_SMALLER = PAIRS.filter(([a, b]) => a >= b);

/** `n` expressions: text (16 digits) and label ("true" or "false"). */
export function treeRows(n: number, seed = TREE_SEED): [string, string][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const leaves = Array.from({ length: 8 }, () => {
      // The leaf's value first, then a pair of digits that gives it.
      const value = random() < LEAF_TRUE;
      const pool = value ? SMALLER : NOT_SMALLER;
      return { text: pool[Math.floor(random() * pool.length)].join(" "), value };
    });
    return [leaves.map((l) => l.text).join(" "), String(treeValue(leaves.map((l) => l.value)))];
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const out = process.argv[2] ?? join(import.meta.dirname, "../../../resources/datasets");
  await writeFile(join(out, "digit-tree.csv"), csv(["text", "label"], treeRows(4000)));
}
