import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { type Comparison, compareOutputs } from "../../shared/onnx/compare";
import type { ExportInputMode, TableInputMode } from "../../shared/onnx/pipeline/types";
import { exportReadiness as readinessOf } from "../../shared/onnx/readiness";
import {
  type ExportFormat,
  type ExportResult,
  type RawCheck,
  type ReadinessReport,
  VERIFY_TOLERANCE,
} from "../../shared/onnx/result";
import { type ExportReply, GAN_DISCRIMINATOR_DIR } from "../../shared/onnx/trainer-job";
import { type GraphAnalysis, inferGraph } from "../../shared/shapes/infer";
import { tempBeside, writeTemp } from "./atomic-write";
import type { PathCheck } from "./data-paths";
import { writeBeside } from "./export-beside";
import { bareWarning, pipelineSummary, verifyOnnx } from "./export-check";
import { DESCRIPTION_FILE, runDescription } from "./export-description";
import { ExportError } from "./export-error";
import { commitFile, commitFolder, discard } from "./export-files";
import { classNamesOf, exportJob, preprocessingOf, VERSION } from "./export-job";
import { readmeFile } from "./export-readme-file";
import { requestExport } from "./export-request";
import { type ExportSource, loadExportSource } from "./export-source";
import { TrainerClient } from "./trainer-client";

export { ExportError } from "./export-error";

/**
 * What an export of this graph will hold, node by node (shared/onnx/readiness.ts): pure, no
 * trainer. `graph` is a graph document or a project's graph.
 */
export function exportReadiness(input: { graph: unknown; discriminator?: boolean }): ReadinessReport {
  return readinessOf(inferGraph(input.graph), { includeDiscriminator: input.discriminator });
}

export interface ExportRunOptions {
  /** A run folder: its best checkpoint (else its last, or `checkpoint`). Exactly one of runDir and project. */
  runDir?: string;
  /** A project file: exported with freshly initialised weights (warned as untrained). */
  project?: string;
  format?: ExportFormat;
  /** The ONNX file, or the tfjs folder, to write. */
  out: string;
  /** Default true: compare the written model with the trainer's predictions. */
  verify?: boolean;
  /** Keep a file whose verification failed (with a warning) instead of deleting it. */
  keepOnFailure?: boolean;
  /** A GAN exports its generator; this adds the discriminator (needs its weights: a project, not a run). */
  discriminator?: boolean;
  checkpoint?: "best" | "last";
  /**
   * ONNX: "raw" (default) puts the run's preprocessing in front of the network and answers behind
   * it, so the file takes the user's raw data; "bare" writes the network alone (today's file),
   * which then expects preprocessed inputs. tfjs ignores both options.
   */
  inputs?: ExportInputMode;
  /** Raw tables: one named input per column (default) or one float matrix (all-numeric tables only). */
  tableInputs?: TableInputMode;
  /** Verification inputs (default 64) and the seed of random ones. */
  samples?: number;
  seed?: number;
  /**
   * Checks each file the export reads beyond the run folder (the data run.json names, the project
   * it came from) before it is read: the host's opened-folder check. The CLI reads what its user can.
   */
  readable?: PathCheck;
  /** A running trainer to use (the app's); otherwise one is started for this export and shut down after. */
  trainer?: TrainerClient | (() => Promise<TrainerClient>);
  /** Backend for a trainer started here. */
  backend?: string;
}

/**
 * Exports a run (or a project) to ONNX or the tfjs layers format and verifies it: the trainer
 * compiles the graph, loads the weights and predicts on verification inputs (a sample of the
 * run's validation data, else seeded random inputs); the host writes the file under a temporary
 * name, runs it in onnxruntime-node on the same inputs (tfjs: the trainer reads the folder back)
 * and compares. Above VERIFY_TOLERANCE absolute the export has failed: the result carries the
 * numbers and the file is removed unless keepOnFailure. Throws ExportError when there is nothing
 * to write (unreadable source, graph not exportable, trainer failure).
 */
export async function exportRun(opts: ExportRunOptions): Promise<ExportResult> {
  return (await exportRunTimed(opts)).result;
}

/** exportRun with the milliseconds of each phase (host and trainer), for the benchmark. */
export async function exportRunTimed(
  opts: ExportRunOptions,
): Promise<{ result: ExportResult; timings: Record<string, number> }> {
  const timings: Record<string, number> = {};
  const begin = performance.now();
  let at = begin;
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + now - at;
    at = now;
  };
  const format = opts.format ?? "onnx";
  if ((opts.runDir === undefined) === (opts.project === undefined))
    throw new ExportError("E_EXPORT_SOURCE", "give exactly one of runDir (a run folder) or project (a project file)");
  const source = await loadExportSource(
    opts.runDir !== undefined
      ? { runDir: opts.runDir, checkpoint: opts.checkpoint }
      : { project: opts.project as string },
    opts.readable,
  );
  await checkOut(opts.out, format);
  const warnings = [...source.warnings];
  const analysis = inferGraph(source.graph);
  const readiness = readinessOf(analysis, { includeDiscriminator: opts.discriminator });
  checkExportable(source, analysis, readiness, opts, warnings);
  lap("prepare");

  // Asked for only now: a source or path refused above never starts (or waits for) a trainer.
  const trainer =
    typeof opts.trainer === "function"
      ? await opts.trainer()
      : (opts.trainer ?? (await TrainerClient.start({ backend: opts.backend })));
  lap("trainerStart");
  const tmp = tempBeside(opts.out);
  try {
    const classNames = classNamesOf(source, analysis, readiness.outputs);
    const preprocessing = preprocessingOf(source);
    const job = exportJob({ source, analysis, readiness, format, tmp, out: opts.out, classNames, preprocessing }, opts);
    const started = performance.now();
    const reply = await requestExport(trainer, job);
    const inTrainer = Object.values(reply.timings).reduce((a, b) => a + b, 0);
    for (const [phase, ms] of Object.entries(reply.timings)) timings[`trainer.${phase}`] = ms;
    timings.transfer = performance.now() - started - inTrainer;
    at = performance.now();
    warnings.push(...reply.warnings);
    if (source.kind === "project")
      warnings.push("untrained: exported with freshly initialised weights, not a trained model");
    for (const n of readiness.nodes.filter((x) => x.status === "approximated"))
      warnings.push(`${n.kind} "${n.name}" is approximated: ${n.reason}`);

    let comparison: Comparison | null = null;
    let rawCheck: RawCheck | null = null;
    if (format === "onnx") {
      const onnx = reply.onnx as NonNullable<ExportReply["onnx"]>;
      await writeTemp(tmp, onnx.bytes);
      lap("write");
      ({ comparison, rawCheck } = await verifyOnnx(tmp, reply));
      lap("verify");
      const bare = bareWarning(reply.pipeline);
      if (bare) warnings.push(bare);
    } else {
      if (reply.sample?.reloaded) comparison = compareOutputs(reply.sample.reloaded, reply.sample.expected);
      await writeTemp(
        join(tmp, DESCRIPTION_FILE),
        runDescription({
          source,
          version: VERSION,
          backend: trainer.ready.backend,
          classNames,
          preprocessing,
          inputs: reply.inputs,
          outputs: reply.outputs,
          readiness,
        }),
      );
      lap("write");
    }
    const passed = comparison !== null && comparison.problem === null && comparison.maxAbsDiff <= VERIFY_TOLERANCE;
    const file = await settle(comparison, passed, format, tmp, opts, warnings);
    // Files beside the model (a vocabulary, the README) belong to it: written only when the model is.
    const readme = file
      ? readmeFile({
          file,
          name: source.name,
          runId: source.runId,
          reply,
          metadata: job.metadata,
          classNames,
          rawCheck,
        })
      : null;
    const beside =
      file && reply.pipeline ? await writeBeside(file, [...reply.pipeline.sideFiles, ...(readme ? [readme] : [])]) : [];
    lap("commit");
    const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
    const result: ExportResult = {
      file,
      format,
      opset: reply.onnx?.opset ?? null,
      irVersion: reply.onnx?.irVersion ?? null,
      inputs: reply.inputs,
      outputs: reply.outputs,
      verified: passed,
      maxAbsDiff: comparison ? finite(comparison.maxAbsDiff) : null,
      maxRelDiff: comparison ? finite(comparison.maxRelDiff) : null,
      samples: comparison ? (reply.sample?.count ?? 0) : 0,
      warnings,
      readiness,
      pipeline: pipelineSummary(reply.pipeline),
      rawCheck,
      beside,
    };
    timings.total = performance.now() - begin;
    return { result, timings };
  } catch (error) {
    await discard(tmp);
    throw error;
  } finally {
    if (!opts.trainer) await trainer.shutdown();
  }
}

/**
 * Renames the temporary file or folder into place, unless verification failed: then it is
 * removed (keepOnFailure: kept, with a warning). Returns the path written, or null.
 */
async function settle(
  comparison: Comparison | null,
  passed: boolean,
  format: ExportFormat,
  tmp: string,
  opts: ExportRunOptions,
  warnings: string[],
): Promise<string | null> {
  if (comparison && !passed) {
    const why = comparison.problem ?? `max abs diff ${comparison.maxAbsDiff.toExponential(3)} > ${VERIFY_TOLERANCE}`;
    if (!opts.keepOnFailure) {
      warnings.push(`verification failed (${why}); the file was deleted (keepOnFailure keeps it)`);
      await discard(tmp);
      return null;
    }
    warnings.push(`verification FAILED (${why}); the file was kept because keepOnFailure was asked: do not trust it`);
  }
  await (format === "onnx" ? commitFile(tmp, opts.out) : commitFolder(tmp, opts.out));
  return opts.out;
}

/** An ONNX target must not be a folder, a tfjs target must not be a file. */
async function checkOut(out: string, format: ExportFormat): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (format === "onnx" && info?.isDirectory())
    throw new ExportError("E_EXPORT_OUT", `${out}: is a folder; an ONNX export is one file (e.g. model.onnx)`);
  if (format === "tfjs" && info && !info.isDirectory())
    throw new ExportError("E_EXPORT_OUT", `${out}: is a file; a tfjs export is a folder (model.json + weights.bin)`);
}

function checkExportable(
  source: ExportSource,
  analysis: GraphAnalysis,
  readiness: ReadinessReport,
  opts: ExportRunOptions,
  warnings: string[],
): void {
  if (!readiness.exportable) {
    throw new ExportError(
      "E_NOT_EXPORTABLE",
      `the graph cannot be exported:\n${readiness.problems.map((p) => `  ${p}`).join("\n")}`,
      { readiness },
    );
  }
  const isGan = analysis.order.some((id) => analysis.nodes[id].kind === "GANDiscriminator");
  if (opts.discriminator && !isGan) warnings.push("discriminator ignored: the graph is not a GAN");
  // GAN runs keep the discriminator's weights beside the generator's; older runs did not.
  const kept = source.modelDir && existsSync(join(source.modelDir, GAN_DISCRIMINATOR_DIR, "model.json"));
  if (opts.discriminator && isGan && source.kind === "run" && !kept) {
    throw new ExportError(
      "E_EXPORT_DISCRIMINATOR",
      `this GAN run's checkpoint (${source.modelDir}) holds the generator's weights only (it was saved before NetForge kept the discriminator's); train it again, export the generator alone (without discriminator), or the project file with fresh weights`,
      { readiness },
    );
  }
}
