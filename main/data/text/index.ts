/** Text and sentence-pair sources: read, tokenize, encode to ids, probe. */
export {
  END_ID,
  type EncodedPairs,
  type EncodedText,
  encodePairsWith,
  encodeSentencePairs,
  encodeText,
  START_ID,
} from "./encode";
export { probeSentencePairs, probeText } from "./probe";
export { readSentencePairs, readText, type SentencePairs, type TextExamples } from "./read";
export { buildVocabulary, classIds, encodeSequences, OOV_ID, PAD_ID, tokenize } from "./tokenizer";
