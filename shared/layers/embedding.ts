import { ShapeError } from "../diagnostics";
import { formatShape, lastDim } from "../shapes/shape";
import { activityRegularizerParam } from "./common-params";
import { INITIALIZER_NAMES } from "./initializers";
import { bool, int, oneOf, regularizer } from "./params";
import { defineLayer, expectRank, known, weight } from "./spec";

/** Token embeddings (tfjs `embedding`) and positional encodings (custom; Vaswani et al. 2017). */

export const Embedding = defineLayer({
  kind: "Embedding",
  title: "Embedding",
  category: "Core",
  params: {
    inputDim: int({
      default: 1000,
      min: 1,
      max: 10_000_000,
      doc: "Vocabulary size: token ids run from 0 to inputDim - 1 (with maskZero, id 0 is padding, so use vocabulary + 1).",
    }),
    outputDim: int({
      default: 64,
      min: 1,
      max: 100_000,
      doc: "Length of each token's learned vector.",
    }),
    maskZero: bool({
      default: false,
      doc: "Treat id 0 as padding: downstream recurrent layers skip those time steps.",
    }),
    embeddingsInitializer: oneOf(INITIALIZER_NAMES, {
      default: "randomUniform",
      doc: "How the embedding table is initialized (tfjs default: uniform in [-0.05, 0.05]).",
    }),
    embeddingsRegularizer: regularizer("L1/L2 penalty on the embedding table, added to the loss."),
    activityRegularizer: activityRegularizerParam(),
  },
  inputs: [
    {
      name: "in",
      doc: "Integer token ids, e.g. (T) for a sequence of T tokens; floats are cast to int32.",
    },
  ],
  // tfjs accepts ids of any rank, even a bare (batch) vector, so there is no rank check.
  infer: (p, [x]) => [[...x, p.outputDim]],
  weights: (p) => [weight("embeddings", [p.inputDim, p.outputDim])],
  label: (p) => `${p.inputDim} x ${p.outputDim}${p.maskZero ? " mask0" : ""}`,
  doc: {
    summary: "Looks up a learned vector for each integer token id.",
    formula:
      "y[t] = E[x[t]], E: [inputDim, outputDim] (row x[t] of the table); the same as one-hot(x[t]) · E without building the one-hot vector",
    inputShape: "(T) integer ids in [0, inputDim); any rank works, e.g. (H, W)",
    outputShape: "(T, outputDim): the input shape with outputDim appended",
    whenToUse:
      "The first layer of every text model (sentiment, next-word prediction, translation): it turns token ids into dense vectors that RNNs, attention and Transformers consume. Cheaper and better than one-hot input for large vocabularies.",
    aliases: ["word embedding", "token embedding", "lookup table", "word vectors", "word2vec", "vocabulary"],
    notes: [
      "The lecture notes never cover embeddings or tokenisation (only one-hot vectors); text templates need a tokenizer that maps words to ids, then this layer.",
      "An id >= inputDim is out of range: tfjs fails at run time on the CPU backend ('GatherV2: the index value 7 is not in [0, 4]') and GPU backends may silently return zeros, so size inputDim to the tokenizer's vocabulary (+1 with maskZero).",
    ],
  },
});

export const PositionalEncoding = defineLayer({
  kind: "PositionalEncoding",
  title: "Positional Encoding",
  category: "Attention",
  params: {
    mode: oneOf(["sinusoidal", "learned"], {
      default: "sinusoidal",
      doc: "sinusoidal: fixed sin/cos table (no weights, any length); learned: one trained vector per position.",
    }),
    maxLength: int({
      default: 512,
      min: 1,
      max: 1_000_000,
      relevantIf: { param: "mode", in: ["learned"] },
      doc: "Longest sequence the learned table covers (one row per position).",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "Sequence of vectors (T, d), usually the output of an Embedding.",
    },
  ],
  infer: (p, [x]) => {
    expectRank("PositionalEncoding", x, 2, "input (T, d)");
    const t = x[0] as number | null;
    if (p.mode === "learned" && t !== null && t > p.maxLength) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `PositionalEncoding (learned) has ${p.maxLength} positions (maxLength) but the input ${formatShape(x)} has ${t} time steps; raise maxLength to at least ${t}`,
        "maxLength",
      );
    }
    return [x];
  },
  weights: (p, [x]) =>
    p.mode === "learned"
      ? [weight("embeddings", [p.maxLength, known("PositionalEncoding", lastDim(x), "feature size d")])]
      : [],
  label: (p) => (p.mode === "learned" ? `learned ${p.maxLength}` : "sin/cos"),
  doc: {
    summary: "Adds a position-dependent vector to each time step so attention can tell token order.",
    formula:
      "y[pos] = x[pos] + PE[pos]; sinusoidal: PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)); learned: PE = rows 0..T-1 of a trained [maxLength, d] table. Example, d = 4, pos = 1: PE = [sin 1, cos 1, sin 0.01, cos 0.01] = [0.841471, 0.540302, 0.010000, 0.999950]",
    inputShape: "(T, d)",
    outputShape: "(T, d), unchanged",
    whenToUse:
      "Right after the Embedding of a Transformer: self-attention is permutation-invariant, so without positions 'dog bites man' and 'man bites dog' look the same. Sinusoidal needs no training and extends to any length; learned (BERT, GPT-2) is limited to maxLength.",
    aliases: ["position embedding", "positional embedding", "sinusoidal encoding", "position encoding", "pe"],
    notes: [
      "The lecture notes give positional encoding as a title only, with no formula; this follows Vaswani et al. 2017, section 3.5.",
      "Vaswani et al. also multiply the token embeddings by sqrt(d) before adding PE; this layer only adds.",
      "Sinusoidal mode has no weights: 0 parameters. Learned mode has maxLength x d parameters (the 'embeddings' table, as tfjs' internal PositionEmbedding names it).",
    ],
  },
});

export const embeddingLayers = [Embedding, PositionalEncoding] as const;
