import type { GraphAnalysis } from "../../shapes/infer";
import type { TrainingConfig } from "../../training/config";
import { METADATA_KEYS } from "../metadata";
import { declareInput, Recorder } from "./describe";
import { type Front, givenFront } from "./front";
import { classifierHeads, type Heads, squashOf } from "./heads";
import { idxFront, imageFront } from "./image";
import { type Preprocessing, parsePreprocessing } from "./preprocessing";
import { seriesPipeline } from "./series";
import { tableFront } from "./table";
import { sequenceHeads, tokensFront } from "./tokens";
import type { Pipeline, PipelineOptions } from "./types";

export interface PipelineInput {
  /**
   * The run's preprocessing.json, or what main/services/export-job.ts preprocessingOf() gives
   * for sources that save none ({kind:"none"}, {kind:"idx", scale}).
   */
  preprocessing: unknown;
  /** The data source (a DatasetSpec's `source`, or the inline dataset): an image folder's resize. */
  source: unknown;
  analysis: GraphAnalysis;
  /** Exported output node ids. */
  outputs: readonly string[];
  classNames: readonly string[] | null;
  /** The loss decides how outputs become probabilities (evaluate-outputs.ts toProbabilities). */
  training: TrainingConfig;
  options: PipelineOptions;
  /** The exported file's name without ".onnx": files beside it are named after it. Default "model". */
  fileStem?: string;
}

/**
 * The data pipeline of an export (types.ts): raw mode puts the run's saved preprocessing in front
 * of the network and the answers users want behind it; bare mode keeps the network's own inputs
 * and outputs (the file exportOnnx writes without a pipeline) and writes the exact transform the
 * user must apply into the metadata. Throws an Error naming the problem when the preprocessing
 * does not fit the network or the options.
 */
export function buildPipeline(input: PipelineInput): Pipeline {
  const pre = parsePreprocessing(input.preprocessing);
  const mode = input.options.inputs;
  const d = new Recorder(mode);
  const count = input.analysis.inputs.length;
  if (pre.kind !== "sentencePairs" && pre.kind !== "none" && count !== 1)
    throw new Error(`${pre.kind} data feeds a model with one Input; this one has ${count}`);
  const { front, heads } = partsOf(pre, input, d);
  return {
    input(g, inputId, model) {
      if (mode === "raw") return front.raw(g, inputId, model);
      const { info, value } = declareInput(g, model.name, model.elemType, model.dims);
      d.input(info, `the network's input, preprocessed as ${METADATA_KEYS.transform} says`);
      front.bare(inputId, info);
      return value;
    },
    outputs(g, network) {
      if (mode === "raw") return heads.raw(g, network);
      heads.bare(network);
      return network.map((o) => o.info);
    },
    describe() {
      if (mode === "raw") return d.describe({ [METADATA_KEYS.inputs]: "raw" });
      const todo = d.steps.length > 0 ? d.steps.join(" ") : "none (the values as given)";
      return d.describe({
        [METADATA_KEYS.inputs]: "preprocessed",
        [METADATA_KEYS.expects]: `expects preprocessed inputs: ${todo}`,
        [METADATA_KEYS.transform]: JSON.stringify(d.transforms),
      });
    },
  };
}

function partsOf(pre: Preprocessing, input: PipelineInput, d: Recorder): { front: Front; heads: Heads } {
  const classes = () => classifierHeads(input.classNames, input.training, d);
  switch (pre.kind) {
    case "table":
      return { front: tableFront(pre, input.options.tableInputs, d), heads: classes() };
    case "imageFolder":
      return { front: imageFront(pre, input.source, d), heads: classes() };
    case "idx":
      return { front: idxFront(pre.scale, d), heads: classes() };
    case "none":
      return { front: givenFront(d), heads: classes() };
    case "timeSeries":
      return seriesPipeline(pre, d);
    case "text":
      return { front: tokensFront(pre, input.fileStem ?? "model", d), heads: classes() };
    case "sentencePairs":
      return {
        front: tokensFront(pre, input.fileStem ?? "model", d),
        heads: sequenceHeads(pre, squashOf(input.training), d),
      };
  }
}

export type { Pipeline, PipelineDescription, PipelineOptions, PipelinePort } from "./types";
