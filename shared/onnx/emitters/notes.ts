import type { ExportNote } from "./types";

/**
 * The note for a layer whose dropout rates act in training only (tfjs applies them with
 * training = true): the file computes predict()'s result, with no dropout. Null when every rate
 * is 0, since then nothing differs.
 */
export function trainingOnlyRates(
  params: Readonly<Record<string, unknown>>,
  names: readonly string[],
): ExportNote | null {
  const set = names.filter((n) => typeof params[n] === "number" && (params[n] as number) > 0);
  if (set.length === 0) return null;
  const rates = set.map((n) => `${n} ${params[n]}`).join(", ");
  return {
    status: "exported",
    reason: `${rates}: dropout acts only in training, so the file has none (as predict() has none)`,
    ignoredParams: names,
  };
}
