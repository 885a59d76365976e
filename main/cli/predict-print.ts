import type { Prediction } from "../../shared/evaluation/report";

/** Classes shown per sample: the predicted one and the next most likely. */
const TOP = 3;

/** Four decimals for values of everyday size; significant digits for the very large or small. */
const fmt = (v: number) =>
  Number.isInteger(v)
    ? String(v)
    : v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)
      ? v.toPrecision(4)
      : v.toFixed(4);

/**
 * One output line: the sample's name, then its class with its probability and the next classes
 * (top 3, most likely first), or its values, named where the run knows them (a forecast per
 * horizon step, a table's label).
 */
export function describePrediction(name: string, p: Prediction, classNames: readonly string[] | null): string {
  if (p.kind === "class") {
    const ranked = p.probabilities
      .map((prob, id) => ({ prob, id }))
      .sort((a, b) => b.prob - a.prob || a.id - b.id)
      .slice(0, TOP);
    // The predicted class first even on a tie (the model's decision: its first index).
    const top = [...ranked.filter((c) => c.id === p.classId), ...ranked.filter((c) => c.id !== p.classId)];
    return `${name}\t${top.map((c) => `${classNames?.[c.id] ?? String(c.id)} ${c.prob.toFixed(4)}`).join("\t")}`;
  }
  if (p.names) return `${name}\t${p.values.map((v, i) => `${p.names?.[i]} ${fmt(v)}`).join("\t")}`;
  return `${name}\t${p.values.map(fmt).join("\t")}`;
}
