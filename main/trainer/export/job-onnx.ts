import * as tf from "@tensorflow/tfjs";
import { UnsupportedLayerError } from "../../../shared/onnx/emitters/types";
import type { ValueInfo } from "../../../shared/onnx/model";
import type { PipelineDescription } from "../../../shared/onnx/pipeline/types";
import { DataType } from "../../../shared/onnx/proto";
import type { TensorInfo } from "../../../shared/onnx/result";
import type { ExportJob, ExportReply } from "../../../shared/onnx/trainer-job";
import type { Compiled } from "../compile/compile";
import { ganMarkers } from "../run/gan-data";
import { type JobPipeline, jobPipeline, pipelineError } from "./job-pipeline";
import { named, networkSample } from "./job-verify";
import { exportCompiled } from "./onnx";
import { givenCheck, passThrough, type RawCheckInput, type RawReply, rawCheckSamples } from "./raw-check";
import { sampleTensors } from "./samples";

/**
 * The ONNX half of the `export` request: the data pipeline built from the run's preprocessing,
 * the bytes, and what the host verifies them on. A raw file is checked on samples read raw from
 * the run's data (the network's own verification inputs are then not needed, nor predicted);
 * without raw samples, or for a bare file, on the network's verification inputs.
 */
export async function onnxReply(
  job: ExportJob,
  compiled: Compiled,
  warnings: string[],
  lap: (phase: string) => void,
): Promise<Omit<ExportReply, "timings">> {
  const built = await jobPipeline(job, compiled);
  lap("pipeline");
  const exported = emit(compiled, job, built);
  lap("export");
  const description = built?.pipeline.describe() ?? null;
  const inputs = exported.inputs.map(tensorInfo);
  const outputs = exported.outputs.map(tensorInfo);
  const reply = {
    format: "onnx" as const,
    onnx: { bytes: exported.bytes, irVersion: exported.irVersion, opset: exported.opset },
    inputs,
    outputs,
    pipeline: description,
    warnings,
  };
  if (!job.verify) return { ...reply, sample: null };
  const raw = built && description?.mode === "raw" ? rawInput(job, compiled, built, description) : null;
  const read = raw ? await readRaw(raw, warnings) : null;
  if (read) {
    lap("rawCheck");
    const part = read.source.startsWith("validation") ? "validation" : "training";
    const count = read.feeds[0]?.shape[0] ?? 0;
    return { ...reply, sample: { source: part, count, inputs: [], expected: [], raw: read } };
  }
  const { sample, xs } = await networkSample(compiled, job.verify, job.graph, warnings, lap);
  try {
    sample.inputs = sampleTensors(
      inputs.map((v) => v.name),
      xs,
    );
    if (raw && description) {
      sample.raw = await fallback(raw, description, sample, warnings);
      lap("rawCheck");
    } else
      named(
        sample.expected,
        outputs.map((v) => v.name),
      );
    return { ...reply, sample };
  } finally {
    tf.dispose(xs);
  }
}

/** The ONNX bytes, with the data pipeline when the job has one (its emission errors name it). */
function emit(compiled: Compiled, job: ExportJob, built: JobPipeline | null) {
  const opts = {
    metadata: job.metadata,
    docString: job.docString,
    graphName: job.graphName,
    producerVersion: job.producerVersion,
  };
  if (!built) return exportCompiled(compiled, opts);
  try {
    return exportCompiled(compiled, { ...opts, pipeline: built.pipeline });
  } catch (error) {
    if (error instanceof UnsupportedLayerError || !job.pipeline) throw error;
    throw pipelineError(error, job.pipeline.inputs, job.pipeline.tableInputs);
  }
}

function rawInput(
  job: ExportJob,
  compiled: Compiled,
  built: JobPipeline,
  description: PipelineDescription,
): RawCheckInput {
  return {
    compiled,
    config: built.config,
    description,
    data: job.pipeline?.data ?? job.verify?.data,
    samples: job.verify?.samples ?? 1,
    preprocessing: built.preprocessing,
    gan: ganMarkers(job.graph) !== null,
  };
}

/** Raw samples of the run's data with NetForge's answers; a data set that cannot be read falls back, warned. */
async function readRaw(input: RawCheckInput, warnings: string[]): Promise<RawReply | null> {
  try {
    return await rawCheckSamples(input);
  } catch (error) {
    warnings.push(
      `could not read raw samples from the run's data (${error instanceof Error ? error.message : String(error)}); checked on the network's verification inputs instead`,
    );
    return null;
  }
}

/**
 * Without raw samples: the verification inputs fed as values when the file takes its input as
 * given (Try it's answers on them), else as they are when the file passes them through.
 */
async function fallback(
  input: RawCheckInput,
  description: PipelineDescription,
  sample: NonNullable<ExportReply["sample"]>,
  warnings: string[],
): Promise<RawReply | undefined> {
  const source = sample.source === "random" ? "seeded random" : sample.source;
  const asValues = await givenCheck(input, { source, inputs: sample.inputs });
  if (asValues) return asValues;
  const given = passThrough(description, {
    source,
    inputs: sample.inputs,
    expected: named(
      sample.expected.map((t) => ({ ...t })),
      description.outputs.map((p) => p.name),
    ),
  });
  if (!given)
    warnings.push(
      "not checked on raw data: the run's data gives no raw samples here, and the file's inputs are not the network's",
    );
  return given ?? undefined;
}

const DTYPES: Partial<Record<number, TensorInfo["dtype"]>> = {
  [DataType.FLOAT]: "float32",
  [DataType.INT32]: "int32",
  [DataType.INT64]: "int64",
  [DataType.UINT8]: "uint8",
  [DataType.STRING]: "string",
};

function tensorInfo(v: ValueInfo): TensorInfo {
  return { name: v.name, dtype: DTYPES[v.elemType] ?? "float32", shape: [...v.dims] };
}
