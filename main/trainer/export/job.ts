import * as tf from "@tensorflow/tfjs";
import type { TensorInfo } from "../../../shared/onnx/result";
import type { ExportJob, ExportReply } from "../../../shared/onnx/trainer-job";
import { type Compiled, CompileError, compileGraph } from "../compile/compile";
import { loadModel, saveModel } from "../run/checkpoint";
import { onnxReply } from "./job-onnx";
import { named, networkSample, predict } from "./job-verify";
import { sampleTensors } from "./samples";
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
    if (job.format === "onnx") return { ...(await onnxReply(job, compiled, warnings, lap)), timings };
    let sample: ExportReply["sample"] = null;
    let xs: tf.Tensor[] = [];
    if (job.verify) ({ sample, xs } = await networkSample(compiled, job.verify, job.graph, warnings, lap));
    try {
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

function compile(job: ExportJob): Compiled {
  try {
    return compileGraph(job.graph, { outputs: job.outputs, name: "netforge_export" });
  } catch (error) {
    if (error instanceof CompileError) throw Object.assign(new Error(error.message), { code: "E_COMPILE" });
    throw error;
  }
}

/** A tfjs model input or output: its layer name, "N" for the batch, "d<i>" for unknown dims. */
function modelTensorInfo(name: string, t: tf.SymbolicTensor): TensorInfo {
  return {
    name,
    dtype: t.dtype === "int32" ? "int32" : "float32",
    shape: t.shape.map((d, i) => (i === 0 ? "N" : (d ?? `d${i}`))),
  };
}
