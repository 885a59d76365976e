/**
 * One sample's answer as the export report prints it, for NetForge's side and the file's alike,
 * so the two read the same when they agree: "setosa 0.97" (a class and its probability), or the
 * first values ("12.1, 12.9, ...").
 */
export function classText(label: string, confidence: number): string {
  return `${label} ${confidence.toFixed(2)}`;
}

const SHOWN_VALUES = 6;

export function valuesText(values: readonly number[]): string {
  const shown = values.slice(0, SHOWN_VALUES).map((v) => Number(v.toPrecision(4)));
  return `${shown.join(", ")}${values.length > shown.length ? ", ..." : ""}`;
}

/** A seq2seq answer: its tokens up to the end token, padding left out ("2031 09 20"). */
export function tokensText(
  tokens: readonly string[],
  sequence: { end: string; pad: string; separator: string },
): string {
  const words: string[] = [];
  for (const t of tokens) {
    if (t === sequence.end) break;
    if (t !== sequence.pad) words.push(t);
  }
  return words.join(sequence.separator);
}
