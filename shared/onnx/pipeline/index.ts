import { ancestorsOf } from "../../shapes/ancestors";
import type { GraphAnalysis } from "../../shapes/infer";
import type { TrainingConfig } from "../../training/config";
import { isGanGraph } from "../../training/gan-losses";
import { METADATA_KEYS } from "../metadata";
import { declareInput, Recorder } from "./describe";
import { type Front, givenFront } from "./front";
import { classifierHeads, type Heads, passThrough, squashOf } from "./heads";
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
 * does not fit the network or the options. One pipeline per exportOnnx call: it records what it
 * emits, and describe() reads that record.
 */
export function buildPipeline(input: PipelineInput): Pipeline {
  const pre = parsePreprocessing(input.preprocessing);
  const mode = input.options.inputs;
  const d = new Recorder(mode);
  const noise = noiseInputs(input.analysis);
  const count = input.analysis.inputs.filter((id) => !noise.has(id)).length;
  if (pre.kind !== "sentencePairs" && pre.kind !== "none" && count !== 1)
    throw new Error(`${pre.kind} data feeds a model with one Input; this one has ${count}`);
  const parts = partsOf(pre, input, d);
  // A GAN's generator answers in the data's preprocessed space, as trained: no heads behind it.
  const heads: Heads = noise.size > 0 ? ganHeads(d) : parts.heads;
  const given = givenFront(d);
  let inputSteps = 0;
  return {
    input(g, inputId, model) {
      const front = noise.has(inputId) ? given : parts.front;
      if (mode === "raw") return front.raw(g, inputId, model);
      const { info, value } = declareInput(g, model.name, model.elemType, model.dims);
      d.input(info, `the network's input, preprocessed as ${METADATA_KEYS.transform} says`);
      front.bare(inputId, info);
      return value;
    },
    outputs(g, network) {
      inputSteps = d.steps.length;
      if (mode === "raw") return heads.raw(g, network);
      heads.bare(network);
      return network.map((o) => o.info);
    },
    describe() {
      if (mode === "raw") return d.describe({ [METADATA_KEYS.inputs]: "raw" });
      // The sentence is about inputs; how to read the outputs stays in the steps and the transform.
      const steps = d.steps.slice(0, inputSteps);
      const todo = steps.length > 0 ? steps.join(" ") : "none (the values as given)";
      return d.describe({
        [METADATA_KEYS.inputs]: "preprocessed",
        [METADATA_KEYS.expects]: `expects preprocessed inputs: ${todo}`,
        [METADATA_KEYS.transform]: JSON.stringify(d.transforms),
      });
    },
  };
}

/** A GAN generator's Inputs (the latent noise): fed as given, whatever the data's preprocessing. */
function noiseInputs(analysis: GraphAnalysis): Set<string> {
  if (!isGanGraph(analysis)) return new Set();
  const generators = analysis.order.filter((id) => analysis.nodes[id].kind === "GANGenerator");
  const feeding = ancestorsOf(generators, analysis);
  return new Set(analysis.inputs.filter((id) => feeding.has(id)));
}

function ganHeads(d: Recorder): Heads {
  return { raw: (_g, network) => passThrough(network, d), bare: (network) => void passThrough(network, d) };
}

function partsOf(pre: Preprocessing, input: PipelineInput, d: Recorder): { front: Front; heads: Heads } {
  const classes = () => classifierHeads(input.classNames, input.training, d);
  switch (pre.kind) {
    case "table":
      return {
        front: tableFront(pre, input.options.tableInputs, d),
        heads:
          pre.stats.task === "regression" ? classifierHeads(null, input.training, d, pre.stats.label.name) : classes(),
      };
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
