import { accuracyKind, type TrainingConfig } from "../../training/config";
import type { OnnxGraph } from "../graph";
import { METADATA_KEYS } from "../metadata";
import { attr, type ValueInfo } from "../model";
import { DataType } from "../proto";
import type { Recorder } from "./describe";

/** The network's outputs as exportOnnx hands them to the pipeline. */
export type NetworkOutputs = readonly { id: string; info: ValueInfo }[];

/** Behind the network: raw mode emits the answers users want; bare mode says how to get them. */
export interface Heads {
  raw(g: OnnxGraph, network: NetworkOutputs): ValueInfo[];
  bare(network: NetworkOutputs): void;
}

/** How the network's output becomes probabilities: main/trainer/run/evaluate-outputs.ts toProbabilities. */
export type Squash = "sigmoid" | "softmax" | "none";

export function squashOf(training: TrainingConfig): Squash {
  const loss = training.loss;
  const logits = "fromLogits" in loss && loss.fromLogits;
  if ((logits && loss.type === "binaryCrossentropy") || loss.type === "hinge" || loss.type === "squaredHinge")
    return "sigmoid";
  return logits ? "softmax" : "none";
}

/** The probabilities value of `x`, squashed as toProbabilities does (the network's own value when "none"). */
export function probabilities(g: OnnxGraph, x: string, squash: Squash, base: string): string {
  if (squash === "none") return x;
  return g.op1(
    squash === "sigmoid" ? "Sigmoid" : "Softmax",
    [x],
    squash === "softmax" ? { axis: attr.i(-1) } : {},
    base,
  );
}

/**
 * Class index per row: the first of the largest (ArgMax, select_last_index 0), as
 * main/trainer/run/evaluate-predict.ts classOf decides; as names when `names` covers them.
 */
export function classLabels(g: OnnxGraph, probs: string, names: readonly string[] | null, base: string): string {
  const ids = g.op1(
    "ArgMax",
    [probs],
    { axis: attr.i(-1), keepdims: attr.i(0), select_last_index: attr.i(0) },
    `${base}/id`,
  );
  if (!names) return g.op1("Identity", [ids], {}, base);
  return g.op1("Gather", [g.strings(`${base}/names`, names), ids], { axis: attr.i(0) }, base);
}

/**
 * Classifier heads: `probabilities` [N, C] and `label` [N] (class names, else int64 ids). A single
 * sigmoid (or logit) unit is binary: probabilities [1 - p, p], class 1 when p > 0.5 strictly.
 * Anything else (regression, autoencoders, generators, several outputs) passes unchanged.
 */
export function classifierHeads(
  classNames: readonly string[] | null,
  training: TrainingConfig,
  d: Recorder,
  /** A table regression's label column (its targets are not scaled, so the output is in its units). */
  target?: string,
): Heads {
  const squash = squashOf(training);
  const kindOf = (network: NetworkOutputs): "binary" | "classes" | null => {
    if (network.length !== 1) return null;
    const dims = network[0].info.dims;
    if (dims.length !== 2 || typeof dims[1] !== "number") return null;
    const units = dims[1];
    const binaryLoss =
      /Crossentropy$/.test(training.loss.type) ||
      training.loss.type === "hinge" ||
      training.loss.type === "squaredHinge";
    if (units === 1)
      return classNames?.length === 2 || (binaryLoss && accuracyKind(training.loss) === "binary") ? "binary" : null;
    return classNames?.length === units || accuracyKind(training.loss) !== "binary" ? "classes" : null;
  };
  const namesText = (n: number) => (classNames ? classNames.join(", ") : `0..${n - 1}`);
  return {
    raw(g, network) {
      const kind = kindOf(network);
      if (!kind) return passThrough(network, d, target);
      const out = network[0].info;
      const units = out.dims[1] as number;
      let probs = probabilities(g, out.name, squash, kind === "binary" ? "probabilities/positive" : "probabilities");
      if (kind === "binary") {
        const p = probs;
        probs = g.op1(
          "Concat",
          [g.op1("Sub", [g.scalar(1), p], {}, "probabilities/negative"), p],
          { axis: attr.i(1) },
          "probabilities",
        );
        d.metadata[METADATA_KEYS.threshold] = "0.5";
      } else if (probs === out.name) probs = g.op1("Identity", [out.name], {}, "probabilities");
      const classes = kind === "binary" ? 2 : units;
      const names = classNames && classNames.length === classes ? classNames : null;
      const label = classLabels(g, probs, names, "label");
      const probInfo: ValueInfo = { name: probs, elemType: DataType.FLOAT, dims: ["N", classes] };
      const labelInfo: ValueInfo = { name: label, elemType: names ? DataType.STRING : DataType.INT64, dims: ["N"] };
      if (squash !== "none") d.step(`"${out.name}": ${squash} -> probabilities`);
      d.step(
        kind === "binary"
          ? `label: ${names?.[1] ?? 1} when p > 0.5, else ${names?.[0] ?? 0}`
          : "label: the class of the largest probability (the first on ties)",
      );
      d.output(probInfo, `the probability of each class (${namesText(classes)})`);
      d.output(labelInfo, names ? "the predicted class name" : "the predicted class id");
      return [probInfo, labelInfo];
    },
    bare(network) {
      const kind = kindOf(network);
      passThrough(network, d, target);
      if (!kind) return;
      const out = network[0].info;
      if (kind === "binary") d.metadata[METADATA_KEYS.threshold] = "0.5";
      const act = squash === "none" ? "" : `apply ${squash} to "${out.name}", then `;
      d.step(
        kind === "binary"
          ? `Answer: ${act}class ${classNames?.[1] ?? 1} when the value > 0.5, else ${classNames?.[0] ?? 0}.`
          : `Answer: ${act}the class is the index of the largest value (the first on ties), named ${namesText(out.dims[1] as number)}.`,
      );
      d.transforms[out.name] = {
        kind: kind === "binary" ? "binary" : "classes",
        activation: squash,
        classNames,
        ...(kind === "binary" ? { threshold: 0.5 } : {}),
      };
    },
  };
}

/** The network's outputs as the file's, described as what they are. */
export function passThrough(network: NetworkOutputs, d: Recorder, target?: string): ValueInfo[] {
  for (const o of network) {
    const what = target && network.length === 1 ? `the predicted "${target}", in the training file's units` : null;
    d.output(o.info, what ?? `the output of "${o.id}" as the network computes it`);
  }
  return network.map((o) => o.info);
}
