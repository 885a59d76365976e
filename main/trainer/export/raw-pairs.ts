import * as tf from "@tensorflow/tfjs";
import type { SentencePairsSource } from "../../../shared/datasets/sources/sentence-pairs";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import { tokensText } from "../../../shared/onnx/answer-text";
import type { PipelinePort } from "../../../shared/onnx/pipeline/types";
import type { RawTensor } from "../../../shared/onnx/trainer-job";
import type { TrainingConfig } from "../../../shared/training/config";
import { END_ID, encodePairsWith, PAD_ID, readSentencePairs } from "../../data/text/index";
import type { Compiled } from "../compile/compile";
import { toProbabilities } from "../run/evaluate-outputs";
import { classOf } from "../run/evaluate-predict";
import { rawFeeds } from "./raw-feeds";
import { describeSource, firstOfPart, SHOWN_SAMPLES } from "./raw-types";

interface PairsPreprocessing {
  kind: "sentencePairs";
  maxLength: number;
  tokenizer: { level?: string };
  encoderInput: string;
  sourceVocabulary: string[];
  targetVocabulary: string[];
}

/**
 * Sentence pairs of the run's file for a seq2seq file's raw check: the encoder's and the
 * decoder's token ids (start + target, teacher forcing) made with the run's saved vocabularies,
 * and NetForge's answer on them: per step, the probabilities over the target vocabulary and the
 * most probable token (the first on ties), as the evaluation's teacher-forced examples read them.
 * Try it takes one Input, so the pairs are answered here with its probabilities and class decision.
 */
export async function rawPairs(
  source: SentencePairsSource,
  spec: DatasetSpec,
  c: { compiled: Compiled; config: TrainingConfig; preprocessing: Record<string, unknown> | null; samples: number },
  ports: { inputs: readonly PipelinePort[]; outputs: readonly PipelinePort[] },
) {
  if (c.preprocessing?.kind !== "sentencePairs" || c.compiled.inputs.length !== 2) return null;
  const pre = c.preprocessing as unknown as PairsPreprocessing;
  const pairs = await readSentencePairs(source);
  const { picked, part } = firstOfPart(splitIndices(pairs.source.length, spec.split), c.config, c.samples);
  if (picked.length === 0) return null;
  const enc = encodePairsWith(
    { source: picked.map((i) => pairs.source[i]), target: picked.map((i) => pairs.target[i]) },
    pre.maxLength,
    pre.sourceVocabulary,
    pre.targetVocabulary,
  );
  const L = pre.maxLength;
  const ids = c.compiled.inputs.map((id) => (id === pre.encoderInput ? enc.encoderInput : enc.decoderInput));
  const feeds = rawFeeds(
    ports.inputs,
    ids.map((data, i) => ({ name: c.compiled.inputs[i], dtype: "int32", shape: [L], data })),
    picked.length,
  );
  const probs = predictSteps(c.compiled, c.config, ids, [picked.length, L]);
  const V = probs.length / (picked.length * L);
  const tokens = Array.from({ length: picked.length * L }, (_, k) => {
    const id = classOf(Array.from(probs.subarray(k * V, (k + 1) * V))).classId;
    return { id, name: pre.targetVocabulary[id] ?? String(id) };
  });
  const expected = ports.outputs.map((port): RawTensor => {
    if (port.dtype === "string")
      return { name: port.name, dtype: "string", shape: [picked.length, L], data: tokens.map((t) => t.name) };
    return { name: port.name, dtype: "float32", shape: [picked.length, L, V], data: probs };
  });
  const sequence = {
    end: pre.targetVocabulary[END_ID],
    pad: pre.targetVocabulary[PAD_ID],
    separator: pre.tokenizer.level === "char" ? "" : " ",
  };
  const answer = (r: number) =>
    tokensText(
      tokens.slice(r * L, (r + 1) * L).map((t) => t.name),
      sequence,
    );
  return {
    source: describeSource(part, "pairs", source.path),
    feeds,
    expected,
    shown: picked.slice(0, SHOWN_SAMPLES).map((i, r) => ({
      input: { kind: "text" as const, text: `${pairs.pairs[i][0]} -> ${pairs.pairs[i][1]}` },
      netforge: answer(r),
    })),
    sequence,
  };
}

/** The model's per-step probabilities on the two id tensors (its Inputs' dtypes), in batches of 256. */
function predictSteps(compiled: Compiled, config: TrainingConfig, ids: Int32Array[], shape: number[]): Float32Array {
  const y = tf.tidy(() => {
    const xs = compiled.inputs.map((id, i) => {
      const t = tf.tensor(ids[i], shape, "int32");
      return (compiled.analysis.nodes[id].params as { dtype?: string })?.dtype === "int32" ? t : t.toFloat();
    });
    return toProbabilities(compiled.model.predict(xs, { batchSize: 256 }) as tf.Tensor, config);
  });
  try {
    return Float32Array.from(y.dataSync());
  } finally {
    y.dispose();
  }
}
