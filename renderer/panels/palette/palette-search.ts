import { LAYERS } from "../../../shared/layers/catalog";
import { type AnyLayerSpec, CATEGORIES, type Category } from "../../../shared/layers/spec";

export interface PaletteGroup {
  category: Category;
  specs: AnyLayerSpec[];
}

/**
 * Ranks catalog entries for a query: a name match beats an alias match, which beats a match in the
 * one-line summary; a match at the start of a word beats one inside it. Every word of the query
 * must match somewhere ("conv 2d" finds Conv2D). An empty query keeps the catalog order.
 */
export function searchLayers(query: string, specs: readonly AnyLayerSpec[] = LAYERS): AnyLayerSpec[] {
  const words = normalize(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...specs];
  const phrase = words.join(" ");
  const scored: { spec: AnyLayerSpec; score: number; index: number }[] = [];
  specs.forEach((spec, index) => {
    const names = [spec.kind, spec.title].map(normalize);
    const aliases = spec.doc.aliases.map(normalize);
    const summary = normalize(spec.doc.summary);
    const fields: [texts: string[], weight: number][] = [
      [names, 100],
      [aliases, 60],
      [[summary], 10],
    ];
    let score = 0;
    // The whole phrase against each field first, so "fully connected" ranks Dense over layers
    // that merely mention "connected".
    for (const [texts, weight] of fields) score = Math.max(score, ...texts.map((t) => match(t, phrase) * weight));
    if (score === 0) {
      const each = words.map((w) => Math.max(...fields.flatMap(([ts, wt]) => ts.map((t) => match(t, w) * wt))));
      if (each.every((s) => s > 0)) score = Math.min(...each) / 2;
    }
    if (score > 0) scored.push({ spec, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.spec);
}

/** 3 exact, 2 at a word start, 1 inside a word, 0 absent. */
function match(text: string, q: string): number {
  if (text === q) return 3;
  const at = text.indexOf(q);
  if (at < 0) {
    // "conv2d" typed as "conv 2d" or "conv-2d": compare without separators too.
    return text.replace(/ /g, "").includes(q.replace(/ /g, "")) ? 1 : 0;
  }
  return at === 0 || text[at - 1] === " " ? 2 : 1;
}

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9α-ω\s]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Groups results by category in palette order; categories without a match are dropped. */
export function groupByCategory(specs: readonly AnyLayerSpec[]): PaletteGroup[] {
  return CATEGORIES.map((category) => ({ category, specs: specs.filter((s) => s.category === category) })).filter(
    (g) => g.specs.length > 0,
  );
}
