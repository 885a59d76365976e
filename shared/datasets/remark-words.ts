import { mulberry32 } from "../random";

/**
 * Generated product remarks for a first text classifier: short sentences about everyday products,
 * labelled positive or negative. The bundled hand-written remarks (product-remarks.csv, 200 rows)
 * each use their own words, so no model trained from scratch on them generalizes: a bag-of-words
 * logistic regression scores 0.52 in 5-fold cross-validation (sklearn). Here the opinion is carried
 * by phrases that recur across products, as in a real review corpus, so an Embedding learns what
 * the words mean. One remark in six is a contrast, "... but ...", whose label follows the clause
 * after "but": a model that averages its words cannot tell which clause wins (what recurrent
 * networks are for), so those are the mistakes left.
 */
export interface Remark {
  text: string;
  label: "positive" | "negative";
}

const PRODUCTS = [
  "kettle",
  "pair of headphones",
  "backpack",
  "desk lamp",
  "pair of walking shoes",
  "blender",
  "fan",
  "battery",
  "jacket",
  "screen",
  "frying pan",
  "office chair",
  "camera",
  "keyboard",
  "mattress",
  "vacuum cleaner",
  "printer",
  "phone case",
  "charger",
  "tent",
];

const POSITIVE = [
  "works perfectly",
  "is excellent",
  "feels sturdy and well made",
  "is worth every penny",
  "exceeded my expectations",
  "is great",
  "is a pleasure to use",
  "works really well",
  "is very comfortable",
  "has been reliable every day",
  "is fantastic",
  "does exactly what it promises",
  "is the best I have owned",
  "looks lovely and works well",
  "is brilliant",
];

const NEGATIVE = [
  "broke after a week",
  "is terrible",
  "feels cheap and flimsy",
  "was a waste of money",
  "stopped working",
  "is awful",
  "is a pain to use",
  "works badly",
  "is very uncomfortable",
  "fails every other day",
  "is useless",
  "does not do what it promises",
  "is the worst I have owned",
  "looks nice but falls apart",
  "is disappointing",
];

const OPENERS = ["", "honestly", "after a month", "so far", "to be fair", "overall", "in short", "I must say"];
const CLOSERS = ["", "for the price", "in my experience", "at least for me", "after daily use", "as far as I can tell"];

/** `n` remarks, balanced (alternating labels), seeded; every text is distinct. */
export function productRemarks(opts: { n: number; seed: number }): Remark[] {
  // Distinct remarks per label: opener x product x (plain or contrast opinion) x closer.
  const capacity = OPENERS.length * PRODUCTS.length * POSITIVE.length * (1 + NEGATIVE.length) * CLOSERS.length;
  if (opts.n > capacity)
    throw new Error(`productRemarks: cannot make ${opts.n} distinct remarks (at most ${capacity})`);
  const random = mulberry32(opts.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const seen = new Set<string>();
  const out: Remark[] = [];
  for (let tries = 0; out.length < opts.n; tries++) {
    if (tries > opts.n * 100) throw new Error(`productRemarks: cannot make ${opts.n} distinct remarks`);
    const label = out.length % 2 === 0 ? "positive" : "negative";
    const [own, other] = label === "positive" ? [POSITIVE, NEGATIVE] : [NEGATIVE, POSITIVE];
    const product = pick(PRODUCTS);
    // The opinion that decides the label comes last in a contrast: "it X but it Y".
    const opinion = random() < 1 / 6 ? `${pick(other)} at first but now it ${pick(own)}` : pick(own);
    const words = [pick(OPENERS), `the ${product}`, opinion, pick(CLOSERS)].filter((w) => w !== "");
    const text = words.join(" ");
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text: `${text[0].toUpperCase()}${text.slice(1)}.`, label });
  }
  return out;
}
