import { basename } from "node:path";
import type { SideFile } from "../../shared/onnx/pipeline/types";
import type { RawCheck } from "../../shared/onnx/result";
import type { ExportReply } from "../../shared/onnx/trainer-job";
import { exportReadme, readmeName } from "./export-readme";
import { type BatchTensor, firstSample } from "./export-readme-example";

export interface ReadmeFileInput {
  /** The model file written (its folder receives the README). */
  file: string;
  name: string;
  runId: string | null;
  reply: ExportReply;
  /** The job's metadata_props (version, run, class names, normalization). */
  metadata: Record<string, string>;
  classNames: readonly string[] | null;
  rawCheck: RawCheck | null;
}

/**
 * The README beside an ONNX export, as a file for the beside-writer (export-beside.ts), or null
 * for a tfjs export (its folder carries netforge-run.json instead). The example's sample is the
 * first the file was verified on: raw samples for a raw export, preprocessed tensors for a bare one,
 * with NetForge's answers on it.
 */
export function readmeFile(r: ReadmeFileInput): SideFile | null {
  const { reply } = r;
  const pipeline = reply.pipeline;
  if (!reply.onnx || !pipeline) return null;
  const sample = reply.sample;
  const raw = pipeline.mode === "raw" ? sample?.raw : undefined;
  const feeds: BatchTensor[] | undefined = raw ? raw.feeds : pipeline.mode === "bare" ? sample?.inputs : undefined;
  const expected: BatchTensor[] | undefined = raw
    ? raw.expected
    : pipeline.mode === "bare"
      ? sample?.expected
      : undefined;
  const exampleFeeds = feeds ? firstSample(feeds) : null;
  const modelFile = basename(r.file);
  const text = exportReadme({
    modelFile,
    name: r.name,
    runId: r.runId,
    opset: reply.onnx.opset,
    pipeline,
    classNames: r.classNames,
    metadata: { ...r.metadata, ...pipeline.metadata },
    beside: pipeline.sideFiles.map((f) => f.name),
    example: exampleFeeds
      ? {
          feeds: exampleFeeds,
          expected: (expected && firstSample(expected)) ?? [],
          netforge: raw ? (r.rawCheck?.shown[0]?.netforge ?? null) : null,
        }
      : null,
  });
  return { name: readmeName(modelFile), contents: text };
}
