import { METADATA_KEYS } from "../metadata";
import type { ValueInfo } from "../model";
import { DataType } from "../proto";
import { declareInput, type Recorder, shapeText } from "./describe";
import type { Front } from "./front";
import { classLabels, type Heads, passThrough, probabilities, type Squash } from "./heads";
import type { PairsPreprocessing, TextPreprocessing } from "./preprocessing";

/**
 * Text and sentence pairs: standard ONNX has no tokenizer, so the file takes the token ids the
 * network reads (main/data/text tokenizer.ts and encode.ts make them) and the vocabulary with the
 * tokenizer's settings goes beside it as JSON, named in netforge.vocabulary_file.
 */
export function tokensFront(pre: TextPreprocessing | PairsPreprocessing, fileStem: string, d: Recorder): Front {
  const file = `${fileStem}.vocabulary.json`;
  // Announced once, when an Input takes token ids (sentence pairs have two).
  let announced = false;
  const announce = () => {
    if (announced) return;
    announced = true;
    d.metadata[METADATA_KEYS.vocabularyFile] = file;
    d.sideFiles.push({ name: file, contents: `${JSON.stringify(vocabularyFile(pre), null, 1)}\n` });
    const t = pre.tokenizer;
    const split =
      t.level === "word"
        ? "words (runs of letters, digits and _, inner apostrophes kept; punctuation dropped)"
        : "characters";
    const side = pre.kind === "text" ? pre.padding : "post";
    d.userStep(
      `Tokenize as NetForge does (settings and vocabulary in ${file}): ${t.lowercase ? "lowercase, " : ""}split into ${split}, map each token to its index in the vocabulary (unknown: 1, "${t.oovToken}"), truncate to ${pre.maxLength} at the ${pre.kind === "text" ? (pre.truncation === "post" ? "end" : "start") : "end"} and pad with 0 at the ${side === "post" ? "end" : "start"}.`,
    );
    if (pre.kind === "sentencePairs")
      d.userStep(
        `Decode step by step: the decoder input starts with "${pre.startToken}" (then the tokens produced so far, padded with 0); stop at "${pre.endToken}".`,
      );
  };
  const describeIds = (inputId: string): string => {
    if (pre.kind === "text") return `token ids of the text, ${pre.maxLength} per sample (see ${file})`;
    const role = inputId === pre.decoderInput ? "decoder" : "encoder";
    return `${role} token ids, ${pre.maxLength} per sample (${role === "decoder" ? "target" : "source"} vocabulary in ${file})`;
  };
  return {
    raw(g, inputId, model) {
      announce();
      const { info, value } = declareInput(g, model.name, model.elemType, model.dims);
      d.input(info, describeIds(inputId));
      return value;
    },
    bare(inputId, model) {
      announce();
      d.step(`"${model.name}": ${describeIds(inputId)}, ${shapeText(model.dims)}`);
      d.transforms[model.name] = { kind: "tokens", vocabularyFile: file, maxLength: pre.maxLength };
    },
  };
}

function vocabularyFile(pre: TextPreprocessing | PairsPreprocessing): Record<string, unknown> {
  const common = {
    format: "netforge.vocabulary",
    version: 1,
    kind: pre.kind,
    tokenizer: pre.tokenizer,
    maxLength: pre.maxLength,
    paddingId: 0,
    oovId: 1,
  };
  if (pre.kind === "text")
    return {
      ...common,
      padding: pre.padding,
      truncation: pre.truncation,
      classNames: pre.classNames,
      vocabulary: pre.vocabulary,
    };
  return {
    ...common,
    padding: "post",
    truncation: "post",
    startToken: pre.startToken,
    endToken: pre.endToken,
    encoder: { input: pre.encoderInput, vocabulary: pre.sourceVocabulary },
    decoder: { input: pre.decoderInput, vocabulary: pre.targetVocabulary },
  };
}

/**
 * A seq2seq model scoring each target step ([N, T, V]): `probabilities` [N, T, V] and `tokens`
 * [N, T], the most probable target token per step (the first on ties); other outputs pass.
 */
export function sequenceHeads(pre: PairsPreprocessing, squash: Squash, d: Recorder): Heads {
  const fits = (o: readonly { info: ValueInfo }[]) =>
    o.length === 1 && o[0].info.dims.length === 3 && typeof o[0].info.dims[2] === "number";
  return {
    raw(g, network) {
      if (!fits(network)) return passThrough(network, d);
      const out = network[0].info;
      const [, steps, units] = out.dims as [string, number | string, number];
      let probs = probabilities(g, out.name, squash, "probabilities");
      if (probs === out.name) probs = g.op1("Identity", [out.name], {}, "probabilities");
      // Units past the vocabulary (a wider Dense) have no token: they read as their id.
      const names = Array.from({ length: units }, (_, k) => pre.targetVocabulary[k] ?? String(k));
      const tokens = classLabels(g, probs, names, "tokens");
      const probInfo: ValueInfo = { name: probs, elemType: DataType.FLOAT, dims: ["N", steps, units] };
      const tokInfo: ValueInfo = { name: tokens, elemType: DataType.STRING, dims: ["N", steps] };
      if (squash !== "none") d.step(`"${out.name}": ${squash} over the vocabulary -> probabilities`);
      d.step("tokens: the most probable target token per step (the first on ties)");
      d.output(probInfo, "the probability of each target token at each step");
      d.output(tokInfo, "the most probable target token at each step");
      return [probInfo, tokInfo];
    },
    bare(network) {
      passThrough(network, d);
      if (fits(network))
        d.step("Answer: per step, the token of the largest value (the first on ties) in the target vocabulary.");
    },
  };
}
