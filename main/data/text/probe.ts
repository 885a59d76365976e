import type { SentencePairsSourceInput } from "../../../shared/datasets/sources/sentence-pairs";
import { type TextSourceInput, TextSourceSchema } from "../../../shared/datasets/sources/text";
import type { DatasetSummary, DataWarning } from "../../../shared/datasets/summary";
import { PROBE_BYTES } from "../table/probe";
import { encodeSentencePairs, encodeText } from "./encode";
import { readSentencePairs, readText } from "./read";
import type { EncodeStats } from "./tokenizer";

/** Above this share of token occurrences mapped to OOV, the vocabulary cap is probably too small. */
export const OOV_WARN = 0.05;

/**
 * A quick summary of labelled text from the file's head (1 MiB; rows estimated beyond it). The
 * text column's `distinct` is the vocabulary length (padding and OOV included): the inputDim of
 * the Embedding that reads these ids.
 */
export async function probeText(input: TextSourceInput, maxBytes = PROBE_BYTES): Promise<DatasetSummary> {
  const s = TextSourceSchema.parse(input);
  const ex = await readText(s, maxBytes);
  const enc = encodeText(ex, s);
  const n = ex.texts.length;
  const counts = new Array<number>(ex.classNames.length).fill(0);
  for (const id of ex.labels) counts[id]++;
  const warnings: DataWarning[] = [...ex.warnings, ...sequenceWarnings(enc.stats, n, s.maxLength, s.path, "example")];
  if (ex.classNames.length === 1) {
    warnings.push({
      code: ex.truncated ? "W_TEXT_SINGLE_CLASS_HEAD" : "E_TEXT_SINGLE_CLASS",
      message: `expected at least two classes, received only "${ex.classNames[0]}"${ex.truncated ? " in the head of the file" : ""}`,
      where: s.path,
    });
  }
  return {
    kind: "text",
    path: s.path,
    rows: estimate(n, ex),
    estimated: ex.truncated,
    columns: [
      {
        name: s.textColumn ?? "text",
        type: "text",
        role: "feature",
        missing: 0,
        distinct: enc.vocabulary.length,
        examples: ex.texts.slice(0, 3).map(short),
      },
      {
        name: s.labelColumn ?? "label",
        type: "categorical",
        role: "label",
        missing: 0,
        distinct: ex.classNames.length,
        examples: ex.classNames.slice(0, 5),
      },
    ],
    classes: ex.classNames.map((name, i) => ({ name, count: counts[i] })),
    inputShape: [s.maxLength],
    outputShape: [ex.classNames.length],
    task: "classification",
    preview: ex.texts.slice(0, 5).map((t, i) => [ex.classNames[ex.labels[i]], short(t)]),
    warnings,
  };
}

/** Sentence pairs: inputShape is the encoder's [maxLength]; outputShape the decoder's [maxLength]. */
export async function probeSentencePairs(
  input: SentencePairsSourceInput,
  maxBytes = PROBE_BYTES,
): Promise<DatasetSummary> {
  const p = await readSentencePairs(input, maxBytes);
  const enc = encodeSentencePairs(p, input);
  const n = enc.n;
  return {
    kind: "sentencePairs",
    path: p.path,
    rows: estimate(n, p),
    estimated: p.truncated,
    columns: [
      {
        name: input.sourceColumn ?? "source",
        type: "text",
        role: "feature",
        missing: 0,
        distinct: enc.sourceVocabulary.length,
        examples: p.pairs.slice(0, 3).map(([a]) => short(a)),
      },
      {
        name: input.targetColumn ?? "target",
        type: "text",
        role: "label",
        missing: 0,
        distinct: enc.targetVocabulary.length,
        examples: p.pairs.slice(0, 3).map(([, b]) => short(b)),
      },
    ],
    classes: [],
    inputShape: [enc.maxLength],
    outputShape: [enc.maxLength],
    task: "sequence",
    preview: p.pairs.slice(0, 5).map(([a, b]) => [short(a), short(b)]),
    warnings: [
      ...p.warnings,
      ...sequenceWarnings(enc.sourceStats, n, enc.maxLength, p.path, "source"),
      ...sequenceWarnings(enc.targetStats, n, enc.maxLength - 1, p.path, "target"),
    ],
  };
}

function sequenceWarnings(st: EncodeStats, n: number, room: number, path: string, what: string): DataWarning[] {
  const out: DataWarning[] = [];
  if (st.truncated > 0) {
    out.push({
      code: "W_TEXT_TRUNCATED",
      message: `${st.truncated} of ${n} ${what}s (${pct(st.truncated / n)}) are longer than ${room} tokens (the longest has ${st.longest}) and are cut; raise maxLength to keep more`,
      where: path,
    });
  }
  if (st.tokens > 0 && st.oov / st.tokens > OOV_WARN) {
    out.push({
      code: "W_TEXT_OOV",
      message: `${pct(st.oov / st.tokens)} of ${what} tokens are out of vocabulary (${st.oov} of ${st.tokens}); raise tokenizer.vocabSize`,
      where: path,
    });
  }
  return out;
}

function estimate(n: number, f: { truncated: boolean; fileSize: number; bytes: number }): number {
  return f.truncated && f.bytes > 0 ? Math.round((n * f.fileSize) / f.bytes) : n;
}

const pct = (f: number) => `${(100 * f).toFixed(1)}%`;
const short = (t: string) => (t.length > 80 ? `${t.slice(0, 77)}...` : t);
