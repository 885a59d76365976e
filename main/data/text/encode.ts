import {
  type SentencePairsSourceInput,
  SentencePairsSourceSchema,
} from "../../../shared/datasets/sources/sentence-pairs";
import { type TextSourceInput, TextSourceSchema } from "../../../shared/datasets/sources/text";
import type { SentencePairs, TextExamples } from "./read";
import { buildVocabulary, type EncodeStats, encodeSequences } from "./tokenizer";

export interface EncodedText {
  /** Token ids [n, maxLength], row-major. */
  ids: Int32Array;
  shape: [number, number];
  labels: Int32Array;
  classNames: string[];
  /** index = token id; 0 padding, 1 OOV. Its length is the Embedding's inputDim. */
  vocabulary: string[];
  stats: EncodeStats;
}

/**
 * Token ids for every example, with the vocabulary fitted on `fitRows` only (the training rows, so
 * words seen only in validation are OOV there, as they will be for new text); all rows by default.
 */
export function encodeText(ex: TextExamples, input: TextSourceInput, fitRows?: ArrayLike<number>): EncodedText {
  const s = TextSourceSchema.parse(input);
  const vocabulary = buildVocabulary(ex.tokens, s.tokenizer, fitRows);
  const { ids, stats } = encodeSequences(ex.tokens, vocabulary, s);
  return {
    ids,
    shape: [ex.tokens.length, s.maxLength],
    labels: ex.labels,
    classNames: ex.classNames,
    vocabulary,
    stats,
  };
}

export interface EncodedPairs {
  n: number;
  maxLength: number;
  /** Each [n, maxLength] Int32Array, padded at the end. */
  encoderInput: Int32Array;
  decoderInput: Int32Array;
  decoderTarget: Int32Array;
  sourceVocabulary: string[];
  /** 0 padding, 1 OOV, 2 start, 3 end, then target tokens. */
  targetVocabulary: string[];
  sourceStats: EncodeStats;
  targetStats: EncodeStats;
}

export const START_ID = 2;
export const END_ID = 3;

/**
 * Teacher forcing (Sutskever et al. 2014; Keras' seq2seq example): the decoder reads start+target
 * and learns to emit target+end, so decoderInput[t+1] == decoderTarget[t]. Vocabularies are fitted
 * on `fitRows` (the training pairs), all pairs by default.
 */
export function encodeSentencePairs(
  pairs: SentencePairs,
  input: SentencePairsSourceInput,
  fitRows?: ArrayLike<number>,
): EncodedPairs {
  const s = SentencePairsSourceSchema.parse(input);
  const sourceVocabulary = buildVocabulary(pairs.source, s.tokenizer, fitRows);
  const targetVocabulary = buildVocabulary(pairs.target, s.tokenizer, fitRows, [s.startToken, s.endToken]);
  return encodePairsWith(pairs, s.maxLength, sourceVocabulary, targetVocabulary);
}

/**
 * Tokenized pairs as ids with given vocabularies (the run's saved ones, for an export's raw check,
 * or those just fitted): the encoder's ids, the decoder's start+target and its target+end.
 */
export function encodePairsWith(
  pairs: Pick<SentencePairs, "source" | "target">,
  maxLength: number,
  sourceVocabulary: string[],
  targetVocabulary: string[],
): EncodedPairs {
  const layout = { maxLength, padding: "post", truncation: "post" } as const;
  const enc = encodeSequences(pairs.source, sourceVocabulary, layout);
  // Both decoder sequences hold at most maxLength-1 target tokens, so they stay aligned.
  const cut = pairs.target.map((t) => t.slice(0, maxLength - 1));
  const decIn = encodeSequences(cut, targetVocabulary, layout, { prefix: START_ID });
  const decOut = encodeSequences(cut, targetVocabulary, layout, { suffix: END_ID });
  const truncated = pairs.target.filter((t) => t.length > maxLength - 1).length;
  const longest = Math.max(0, ...pairs.target.map((t) => t.length));
  return {
    n: pairs.source.length,
    maxLength,
    encoderInput: enc.ids,
    decoderInput: decIn.ids,
    decoderTarget: decOut.ids,
    sourceVocabulary,
    targetVocabulary,
    sourceStats: enc.stats,
    targetStats: { ...decOut.stats, truncated, longest },
  };
}
