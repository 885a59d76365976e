import * as tf from "@tensorflow/tfjs";
import { UnsupportedLayerError } from "../../../shared/onnx/emitters/types";
import type { ValueInfo } from "../../../shared/onnx/model";
import type { PipelineDescription } from "../../../shared/onnx/pipeline/types";
import { DataType } from "../../../shared/onnx/proto";
import type { TensorInfo } from "../../../shared/onnx/result";
import type { ExportJob, ExportReply, SampleTensor } from "../../../shared/onnx/trainer-job";
import { type Compiled, CompileError, compileGraph } from "../compile/compile";
import { loadModel, saveModel } from "../run/checkpoint";
import { ganMarkers } from "../run/gan-data";
import { type JobPipeline, jobPipeline, pipelineError } from "./job-pipeline";
import { exportCompiled } from "./onnx";
import { givenCheck, passThrough, type RawReply, rawCheckSamples } from "./raw-check";
import { sampleTensors, verificationInputs } from "./samples";
import { loadCheckpointWeights } from "./weights";

/**
 * The `export` request: compile the graph for the exported outputs, load the checkpoint (or keep
 * fresh weights), predict on the verification inputs, then write the ONNX bytes (returned to the
 * host, which writes and checks the file) or the tfjs folder (read back here and predicted again,
 * so the host can compare the two predictions). Timings per phase come back for the benchmark.
 */
export async function runExportJob(job: ExportJob): Promise<ExportReply> {
  const timings: Record<string, number> = {};
  let at = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = now - at;
    at = now;
  };
  const compiled = compile(job);
  const warnings: string[] = [];
  try {
    lap("compile");
    if (job.modelDir) {
      await loadCheckpointWeights(compiled, job.modelDir);
      lap("loadWeights");
    }
    let sample: ExportReply["sample"] = null;
    let xs: tf.Tensor[] = [];
    if (job.verify) {
      const found = await verificationInputs(compiled, { ...job.verify, gan: ganMarkers(job.graph) !== null });
      xs = found.xs;
      warnings.push(...found.warnings);
      lap("samples");
      const expected = predict(compiled.model, xs);
      lap("predict");
      sample = { source: found.source, count: found.count, inputs: [], expected };
    }
    try {
      if (job.format === "onnx") {
        const built = await jobPipeline(job, compiled);
        lap("pipeline");
        const exported = emit(compiled, job, built);
        lap("export");
        const description = built?.pipeline.describe() ?? null;
        const inputs = exported.inputs.map(tensorInfo);
        if (sample)
          sample.inputs = sampleTensors(
            inputs.map((v) => v.name),
            xs,
          );
        if (!description || description.mode === "bare")
          named(
            sample?.expected,
            exported.outputs.map((v) => v.name),
          );
        if (sample && built && description?.mode === "raw") {
          sample.raw = await rawReply(job, compiled, built, description, sample, warnings);
          lap("rawCheck");
        }
        return {
          format: "onnx",
          onnx: { bytes: exported.bytes, irVersion: exported.irVersion, opset: exported.opset },
          inputs,
          outputs: exported.outputs.map(tensorInfo),
          sample,
          pipeline: description,
          timings,
          warnings,
        };
      }
      if (!job.tfjsDir) throw Object.assign(new Error("a tfjs export needs tfjsDir"), { code: "E_BAD_REQUEST" });
      await saveModel(compiled.model, job.tfjsDir);
      lap("export");
      const inputs = compiled.model.inputs.map((t, i) => modelTensorInfo(compiled.model.inputNames[i], t));
      const outputs = compiled.model.outputs.map((t, i) => modelTensorInfo(compiled.model.outputNames[i], t));
      if (sample) {
        sample.inputs = sampleTensors(
          inputs.map((v) => v.name),
          xs,
        );
        named(
          sample.expected,
          outputs.map((v) => v.name),
        );
        const reloaded = await loadModel(job.tfjsDir);
        try {
          sample.reloaded = named(
            predict(reloaded, xs),
            outputs.map((v) => v.name),
          );
        } finally {
          reloaded.dispose();
        }
        lap("readBack");
      }
      return { format: "tfjs", onnx: null, inputs, outputs, sample, pipeline: null, timings, warnings };
    } finally {
      tf.dispose(xs);
    }
  } finally {
    compiled.model.dispose();
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

/**
 * The raw check's samples: read raw from the run's data and answered by NetForge (Try it's path),
 * else, for a pipeline that passes its inputs through, the verification inputs as they are.
 */
async function rawReply(
  job: ExportJob,
  compiled: Compiled,
  built: JobPipeline,
  description: PipelineDescription,
  sample: NonNullable<ExportReply["sample"]>,
  warnings: string[],
): Promise<RawReply | undefined> {
  const input = {
    compiled,
    config: built.config,
    description,
    data: job.pipeline?.data ?? job.verify?.data,
    samples: job.verify?.samples ?? sample.count,
    preprocessing: built.preprocessing,
    gan: ganMarkers(job.graph) !== null,
  };
  const raw = await rawCheckSamples(input);
  if (raw) return raw;
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

function compile(job: ExportJob): Compiled {
  try {
    return compileGraph(job.graph, { outputs: job.outputs, name: "netforge_export" });
  } catch (error) {
    if (error instanceof CompileError) throw Object.assign(new Error(error.message), { code: "E_COMPILE" });
    throw error;
  }
}

/** Predictions in the model's output order, in batches of 256, as float32 arrays. */
function predict(model: tf.LayersModel, xs: tf.Tensor[]): SampleTensor[] {
  const y = tf.tidy(() => {
    const out = model.predict(xs.length === 1 ? xs[0] : xs, { batchSize: 256 }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  });
  try {
    return sampleTensors(
      y.map((_, i) => `output${i}`),
      y,
    );
  } finally {
    tf.dispose(y);
  }
}

function named(tensors: SampleTensor[] | undefined, names: readonly string[]): SampleTensor[] {
  for (const [i, t] of (tensors ?? []).entries()) t.name = names[i];
  return tensors ?? [];
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

/** A tfjs model input or output: its layer name, "N" for the batch, "d<i>" for unknown dims. */
function modelTensorInfo(name: string, t: tf.SymbolicTensor): TensorInfo {
  return {
    name,
    dtype: t.dtype === "int32" ? "int32" : "float32",
    shape: t.shape.map((d, i) => (i === 0 ? "N" : (d ?? `d${i}`))),
  };
}
