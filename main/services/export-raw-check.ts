import { classText, tokensText, valuesText } from "../../shared/onnx/answer-text";
import { type Comparison, compareOutputs, type OutputValues } from "../../shared/onnx/compare";
import { type RawCheck, VERIFY_TOLERANCE } from "../../shared/onnx/result";
import type { ExportReply, RawTensor } from "../../shared/onnx/trainer-job";
import { type RunOutput, runOnnxRaw } from "./export-verify";

type RawSample = NonNullable<NonNullable<ExportReply["sample"]>["raw"]>;

/**
 * The raw check: the written file run in onnxruntime on samples read raw from the user's data,
 * against NetForge's answers on the same samples. Every number within VERIFY_TOLERANCE, every
 * label (class name or id) identical: a differing label fails the check as a differing number does.
 */
export async function checkRaw(file: string, raw: RawSample): Promise<{ comparison: Comparison; rawCheck: RawCheck }> {
  const count = raw.feeds[0]?.shape[0] ?? 0;
  let actual: RunOutput[];
  try {
    actual = await runOnnxRaw(
      file,
      raw.feeds,
      raw.expected.map((t) => t.name),
    );
  } catch (error) {
    const problem = `onnxruntime could not run the file on the raw samples: ${error instanceof Error ? error.message : String(error)}`;
    return {
      comparison: { maxAbsDiff: Number.POSITIVE_INFINITY, maxRelDiff: Number.POSITIVE_INFINITY, problem },
      rawCheck: { source: raw.source, agree: 0, count, shown: [] },
    };
  }
  const isLabel = (t: RawTensor) => t.dtype === "string" || t.dtype === "int64";
  const numeric = raw.expected.filter((t) => !isLabel(t));
  const comparison = compareOutputs(
    actual.filter((a) => numeric.some((t) => t.name === a.name)) as OutputValues[],
    numeric as OutputValues[],
  );
  const agrees = Array.from({ length: count }, (_, i) => sampleAgrees(actual, raw.expected, i, count));
  const labelMisses = labelDisagreements(actual, raw.expected, count);
  const problem = comparison.problem ?? labelMisses;
  return {
    comparison: { ...comparison, problem },
    rawCheck: {
      source: raw.source,
      agree: agrees.filter(Boolean).length,
      count,
      shown: raw.shown.map((s, i) => ({ ...s, onnx: answerOf(actual, i, count, raw.sequence), agree: agrees[i] })),
    },
  };
}

/** One sample's values of a batch-first output. */
function row(t: { data: RunOutput["data"] }, i: number, count: number): (number | string)[] {
  const per = t.data.length / count;
  const out: (number | string)[] = [];
  for (let k = i * per; k < (i + 1) * per; k++) {
    const v = t.data[k];
    out.push(typeof v === "bigint" ? Number(v) : (v as number | string));
  }
  return out;
}

function sampleAgrees(actual: RunOutput[], expected: RawTensor[], i: number, count: number): boolean {
  return expected.every((want) => {
    const got = actual.find((a) => a.name === want.name);
    if (!got || got.data.length !== want.data.length) return false;
    const a = row(got, i, count);
    const b = row(want, i, count);
    return a.every((v, k) =>
      typeof v === "string" || typeof b[k] === "string"
        ? v === b[k]
        : Math.abs(v - (b[k] as number)) <= VERIFY_TOLERANCE,
    );
  });
}

/** "label differs on 2 of 64 samples (sample 3: file "b", NetForge "a")", or null when all agree. */
function labelDisagreements(actual: RunOutput[], expected: RawTensor[], count: number): string | null {
  for (const want of expected.filter((t) => t.dtype === "string" || t.dtype === "int64")) {
    const got = actual.find((a) => a.name === want.name);
    if (!got || got.data.length !== want.data.length)
      return `the file's label output "${want.name}" holds ${got ? got.data.length : "no"} value(s); NetForge gives ${want.data.length}`;
    const misses = Array.from({ length: count }, (_, i) => i).filter(
      (i) => row(got, i, count).join("\u0000") !== row(want, i, count).join("\u0000"),
    );
    if (misses.length > 0) {
      const i = misses[0];
      return `label "${want.name}" differs on ${misses.length} of ${count} sample(s) (sample ${i + 1}: file ${JSON.stringify(row(got, i, count).join(" "))}, NetForge ${JSON.stringify(row(want, i, count).join(" "))})`;
    }
  }
  return null;
}

/** The file's answer on sample i as the report prints it: its label and top probability, else its values. */
function answerOf(actual: RunOutput[], i: number, count: number, sequence: RawSample["sequence"]): string {
  const label = actual.find((a) => Array.isArray(a.data) || a.data instanceof BigInt64Array);
  if (label && sequence) return tokensText(row(label, i, count).map(String), sequence);
  const numbers = actual.find((a) => a !== label);
  const values = numbers ? (row(numbers, i, count) as number[]) : [];
  if (!label) return valuesText(values);
  const confidence = values.length === 1 ? Math.max(values[0], 1 - values[0]) : Math.max(...values);
  return classText(String(row(label, i, count)[0]), confidence);
}
