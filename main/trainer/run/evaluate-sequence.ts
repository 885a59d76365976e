import * as tf from "@tensorflow/tfjs";
import type { SentencePairsSource } from "../../../shared/datasets/sources/sentence-pairs";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import { EVALUATION_LIMITS, type ReportOf } from "../../../shared/evaluation/report";
import { accuracyKind } from "../../../shared/training/config";
import { DataError } from "../../data/errors";
import { END_ID, encodeSentencePairs, PAD_ID, readSentencePairs } from "../../data/text/index";
import type { Compiled } from "../compile/compile";
import type { Pass } from "./evaluate";
import { type EvalSet, memorySet, outputClasses, type Part, pickPart, readPreprocessing } from "./evaluate-data";
import { type EvalModel, EvaluationError } from "./evaluate-model";

/**
 * Sentence pairs, split and encoded as training did (vocabularies fitted on the training pairs):
 * the encoder and decoder ids go to the two Inputs, the decoder targets (target + end) are scored
 * per step with teacher forcing, as the training curves score them.
 */
export async function sequenceSet(
  source: SentencePairsSource,
  spec: DatasetSpec,
  part: Part,
  m: EvalModel,
): Promise<EvalSet> {
  if (part === "data")
    throw new EvaluationError(
      "E_EVAL_UNSUPPORTED",
      "evaluating other sentence pairs is not supported yet; evaluate the run's validation, test or training part",
    );
  if (m.compiled.inputs.length !== 2)
    throw new DataError(
      "E_DATA_SHAPE",
      `a sentence-pair run has an encoder and a decoder Input; this model has ${m.compiled.inputs.length}`,
    );
  const pairs = await readSentencePairs(source);
  const n = pairs.source.length;
  const parts = splitIndices(n, spec.split);
  const notes: string[] = [];
  const ids = pickPart(parts, part, m.config, n, notes);
  const fitted = m.config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const enc = encodeSentencePairs(pairs, source, fitted);
  const pre = await readPreprocessing(m.runDir);
  const encoder = pre?.kind === "sentencePairs" ? (pre.encoderInput as string) : encoderOf(m.compiled);
  const shape = [enc.n, enc.maxLength];
  const sparse = accuracyKind(m.config.loss) === "sparse";
  const { x, y } = tf.tidy(() => {
    const idx = tf.tensor1d(ids, "int32");
    const x = m.compiled.inputs.map((id) => {
      const t = tf.gather(tf.tensor(id === encoder ? enc.encoderInput : enc.decoderInput, shape, "int32"), idx);
      return (m.compiled.analysis.nodes[id].params as { dtype?: string })?.dtype === "int32" ? t : t.toFloat();
    });
    const target = tf.gather(tf.tensor(enc.decoderTarget, shape, "int32"), idx);
    return { x, y: sparse ? target : tf.oneHot(target, outputClasses(m)).toFloat() };
  });
  const separator = source.tokenizer.level === "char" ? "" : " ";
  return {
    ...memorySet(x, y, {
      set: part,
      classNames: null,
      trainLabels: null,
      featureNames: null,
      describe: async (i) => ({ kind: "text", text: pairs.pairs[ids[i]][0] }),
      notes,
    }),
    sequence: { vocabulary: enc.targetVocabulary, separator, pair: (i) => pairs.pairs[ids[i]] },
  };
}

/** The encoder Input when preprocessing.json does not say: graph order unless names say otherwise (as training). */
function encoderOf(compiled: Compiled): string {
  const [a, b] = compiled.inputs.map((id) => compiled.analysis.nodes[id]);
  const says = (n: typeof a, word: string) => new RegExp(word, "i").test(`${n.id} ${n.name ?? ""}`);
  const swapped = (says(a, "dec") && !says(b, "dec")) || (says(b, "enc") && !says(a, "enc"));
  return swapped ? b.id : a.id;
}

type Base = Pick<ReportOf<"sequence">, "set" | "weights" | "samples" | "loss" | "metrics" | "notes">;

/** Token accuracy over non-padding target steps, and a few pairs with the model's teacher-forced answer. */
export function sequenceReport(base: Base, pass: Pass, set: EvalSet): ReportOf<"sequence"> {
  const seq = set.sequence;
  if (!seq) throw new Error("sequenceReport needs a sentence-pair set");
  // predictAll keeps one id per step for sequences: pass.out and pass.y are [n, steps] argmaxes.
  const steps = pass.out.length / pass.n;
  let right = 0;
  let counted = 0;
  for (let i = 0; i < pass.y.length; i++) {
    if (pass.y[i] === PAD_ID) continue;
    counted++;
    if (pass.out[i] === pass.y[i]) right++;
  }
  const examples = Array.from({ length: Math.min(pass.n, EVALUATION_LIMITS.sequenceExamples) }, (_, r) => {
    const [source, target] = seq.pair(pass.ids[r]);
    const words: string[] = [];
    for (let t = 0; t < steps; t++) {
      const id = pass.out[r * steps + t];
      if (id === END_ID) break;
      if (id !== PAD_ID) words.push(seq.vocabulary[id] ?? "?");
    }
    return { source, target, predicted: words.join(seq.separator) };
  });
  return { task: "sequence", ...base, tokenAccuracy: counted > 0 ? right / counted : null, examples };
}
