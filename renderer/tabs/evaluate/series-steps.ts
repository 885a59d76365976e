import type { RawSample } from "../../../shared/evaluation/request";

type Steps = Extract<RawSample, { kind: "series" }>["steps"];

/**
 * Pasted series steps, oldest first, one a line: rows copied from the series' CSV with its header
 * row (columns by name; the date and other columns are ignored by the run), or numbers only in
 * the run's feature order. The run reads the last lookback steps (one more with differencing).
 */
export function parseSteps(text: string): Steps {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0)
    throw new Error("paste the recent steps, one a line, oldest first (a header row names the columns)");
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim());
  const numeric = (c: string) => c !== "" && Number.isFinite(Number(c));
  const header = split(lines[0]);
  if (header.every(numeric))
    return lines.map((l, i) => {
      const cells = split(l);
      if (!cells.every(numeric))
        throw new Error(`step ${i + 1}: expected numbers separated by commas; received "${l.slice(0, 40)}"`);
      return cells.map(Number);
    });
  if (lines.length === 1) throw new Error("the header row names the columns; paste the steps below it");
  return lines.slice(1).map((l) => Object.fromEntries(header.map((name, c) => [name, split(l)[c] ?? ""])));
}
