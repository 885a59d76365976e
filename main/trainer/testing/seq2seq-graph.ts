import { GraphBuilder } from "../../../shared/ir/builder";

/**
 * A small seq2seq model for sentence pairs (tests): the encoder's mean embedding repeated per
 * step beside the decoder's embedded tokens, then a softmax over the target vocabulary per step.
 * Its Inputs are "encoder_tokens" and "decoder_tokens", int32 ids of length `steps`.
 */
export function seq2seqGraph(steps: number, vocabulary: number) {
  const b = new GraphBuilder();
  const enc = b.add("Input", { shape: [steps], dtype: "int32" }, { id: "encoder_tokens" });
  const [, , repeated] = b.chain(
    enc,
    ["Embedding", { inputDim: vocabulary, outputDim: 8 }],
    ["GlobalAveragePooling1D"],
    ["RepeatVector", { n: steps }],
  );
  const dec = b.add("Input", { shape: [steps], dtype: "int32" }, { id: "decoder_tokens" });
  const [decEmb] = b.chain(dec, ["Embedding", { inputDim: vocabulary, outputDim: 8 }]);
  const cat = b.add("Concatenate");
  b.connect(repeated, cat).connect(decEmb, cat);
  b.chain(cat, ["Dense", { units: vocabulary, activation: "softmax" }]);
  return b.build();
}
