import { type Comparison, compareOutputs } from "../../shared/onnx/compare";
import type { PipelineDescription, PipelinePort } from "../../shared/onnx/pipeline/types";
import type { PipelineSummary, RawCheck } from "../../shared/onnx/result";
import type { ExportReply } from "../../shared/onnx/trainer-job";
import { checkRaw } from "./export-raw-check";
import { runOnnx } from "./export-verify";

/**
 * Verifies a written ONNX file in onnxruntime: a raw-data file on the raw samples against
 * NetForge's answers (export-raw-check.ts), a bare one on the preprocessed verification inputs
 * against the network's predictions, as before pipelines existed. A raw file with no raw samples
 * (the trainer warned why) is left unverified rather than checked on inputs it does not take.
 */
export async function verifyOnnx(
  file: string,
  reply: ExportReply,
): Promise<{ comparison: Comparison | null; rawCheck: RawCheck | null }> {
  const sample = reply.sample;
  if (!sample) return { comparison: null, rawCheck: null };
  if (reply.pipeline?.mode === "raw") {
    if (!sample.raw) return { comparison: null, rawCheck: null };
    return checkRaw(file, sample.raw);
  }
  return { comparison: await checkPreprocessed(file, sample), rawCheck: null };
}

/** Runs the written file in onnxruntime on the sample; a file onnxruntime refuses fails verification. */
async function checkPreprocessed(file: string, sample: NonNullable<ExportReply["sample"]>): Promise<Comparison> {
  try {
    const actual = await runOnnx(
      file,
      sample.inputs,
      sample.expected.map((t) => t.name),
    );
    return compareOutputs(actual, sample.expected);
  } catch (error) {
    return {
      maxAbsDiff: Number.POSITIVE_INFINITY,
      maxRelDiff: Number.POSITIVE_INFINITY,
      problem: `onnxruntime could not run the file: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** What the report shows of the pipeline: its ports and steps (metadata and side files stay in the file's folder). */
export function pipelineSummary(d: PipelineDescription | null): PipelineSummary | null {
  if (!d) return null;
  // The ports as the result schema has them: a table input's `columns` is the export job's business.
  const port = ({ name, dtype, shape, description }: PipelinePort) => ({ name, dtype, shape, description });
  return {
    mode: d.mode,
    inputs: d.inputs.map(port),
    outputs: d.outputs.map(port),
    steps: d.steps,
    userSteps: d.userSteps,
  };
}

/** A bare file's warning: what the user must do to inputs before feeding it. */
export function bareWarning(d: PipelineDescription | null): string | null {
  if (d?.mode !== "bare") return null;
  return `expects preprocessed inputs: ${d.steps.length > 0 ? d.steps.join("; ") : "none (the values as given)"}`;
}
