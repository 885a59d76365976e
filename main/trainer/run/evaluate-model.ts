import { access, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { type InlineDataset, InlineDatasetSchema } from "../../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../../shared/datasets/spec";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import type { TrainerRequest } from "../../../shared/trainer/protocol";
import { parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import { type Compiled, compileGraph } from "../compile/compile";
import type { RunHandle } from "./fit";
import { compileGan } from "./gan";
import { ganMarkers } from "./gan-data";

/** A refusal of an evaluate or predict request, with a stable code. */
export class EvaluationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Start = Extract<TrainerRequest, { type: "start" }>;

/** Everything evaluation needs about one run, from memory or from its folder. */
export interface EvalModel {
  runId: string;
  compiled: Compiled;
  config: TrainingConfig;
  graph: unknown;
  gan: boolean;
  /** The data the run trained on (null: not known to the trainer, e.g. a saved run's inline data). */
  runData: InlineDataset | DatasetSpec | null;
  runDir: string | null;
  weights: "best" | "last" | "memory";
  /** The 1-based epoch the checkpoint holds (model.json's netforge.epoch); null when unknown. */
  epoch: number | null;
  notes: string[];
  /** Frees what was loaded for this request (never a live run's model). */
  dispose(): void;
}

/** The model of a run this trainer holds (trained or training), with the request that started it. */
export function modelInMemory(run: RunHandle, start: Start | undefined): EvalModel {
  if (!run.compiled || !run.config)
    throw new EvaluationError("E_NO_MODEL", `run "${run.runId}" has no compiled model yet; wait until training starts`);
  return {
    runId: run.runId,
    compiled: run.compiled,
    config: run.config,
    graph: start?.graph,
    gan: start ? ganMarkers(start.graph) !== null : false,
    runData: start?.data ?? null,
    runDir: start?.runDir ?? null,
    weights: "memory",
    epoch: null,
    notes: [],
    dispose: () => {},
  };
}

/**
 * A saved run: graph, settings and data from run.json (written by `netforge train` and the host),
 * the graph compiled afresh (so NetForge's own layers need no registration) and the weights of
 * checkpoints/<best|last> set into it in the order they were saved.
 */
export async function modelFromRunDir(runDir: string, opts: EvaluateOptions): Promise<EvalModel> {
  const record = await readRunRecord(runDir);
  const parsed = parseTrainingConfig(record.training);
  if (!parsed.ok)
    throw new EvaluationError(
      "E_EVAL_RUN",
      `${join(runDir, "run.json")}: training settings: ${parsed.issues.map((i) => i.message).join("; ")}`,
    );
  const notes: string[] = [];
  const want = opts.checkpoint ?? "best";
  let weights: "best" | "last" = want;
  if (!(await exists(join(runDir, "checkpoints", want, "model.json")))) {
    const other = want === "best" ? "last" : "best";
    if (opts.checkpoint !== undefined || !(await exists(join(runDir, "checkpoints", other, "model.json"))))
      throw new EvaluationError(
        "E_NO_CHECKPOINT",
        `${runDir}: no ${want} checkpoint (expected ${join(runDir, "checkpoints", want, "model.json")}); has the run saved one yet?`,
      );
    weights = other;
    notes.push(`the run has no ${want} checkpoint; evaluated its ${other} checkpoint`);
  }
  const markers = ganMarkers(record.graph);
  let compiled: Compiled;
  if (markers) {
    const models = compileGan(record.graph, markers);
    models.discriminator.model.dispose();
    compiled = models.generator;
  } else {
    compiled = compileGraph(record.graph);
  }
  let epoch: number | null;
  try {
    epoch = await loadWeights(compiled.model, join(runDir, "checkpoints", weights));
  } catch (error) {
    compiled.model.dispose();
    throw error;
  }
  return {
    runId: record.runId ?? runDir,
    compiled,
    config: parsed.config,
    graph: record.graph,
    gan: markers !== null,
    runData: opts.runData ?? record.data,
    runDir,
    weights,
    epoch,
    notes,
    dispose: () => compiled.model.dispose(),
  };
}

interface RunRecord {
  runId?: string;
  graph: unknown;
  training: unknown;
  data: InlineDataset | DatasetSpec | null;
}

async function readRunRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, "run.json");
  const text = await readFile(path, "utf8").catch(() => {
    throw new EvaluationError(
      "E_EVAL_RUN",
      `${runDir}: not a run folder (expected ${path}, written when a run starts)`,
    );
  });
  let raw: { runId?: unknown; graph?: unknown; training?: unknown; data?: { kind?: unknown; spec?: unknown } };
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new EvaluationError("E_EVAL_RUN", `${path}: not valid JSON (${(error as Error).message})`);
  }
  if (raw?.graph === undefined) throw new EvaluationError("E_EVAL_RUN", `${path}: expected a "graph"; it has none`);
  // run.json records a dataset spec in full, inline samples by count only (they can be large).
  const spec = DatasetSpecSchema.safeParse(raw.data?.spec);
  const inline = InlineDatasetSchema.safeParse(raw.data);
  return {
    runId: typeof raw.runId === "string" ? raw.runId : undefined,
    graph: raw.graph,
    training: raw.training ?? {},
    data: spec.success ? spec.data : inline.success ? inline.data : null,
  };
}

/**
 * Sets a saved model's weights (tfjs layers format) into a model of the same graph, by position;
 * returns the epoch the checkpoint records (null for checkpoints saved without one).
 */
async function loadWeights(model: tf.LayersModel, dir: string): Promise<number | null> {
  const json = JSON.parse(await readFile(join(dir, "model.json"), "utf8"));
  const specs = json.weightsManifest?.[0]?.weights as tf.io.WeightsManifestEntry[] | undefined;
  if (!Array.isArray(specs)) throw new EvaluationError("E_EVAL_RUN", `${dir}/model.json: expected a weightsManifest`);
  // The manifest names its weights file; only a plain name beside model.json is read (never "../x").
  const file = json.weightsManifest[0].paths?.[0] ?? "weights.bin";
  if (typeof file !== "string" || basename(file) !== file || file.startsWith("."))
    throw new EvaluationError(
      "E_EVAL_RUN",
      `${dir}/model.json: expected a weights file name beside it (weights.bin); received ${JSON.stringify(file).slice(0, 80)}`,
    );
  const bin = await readFile(join(dir, file));
  const named = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), specs);
  const tensors = specs.map((s) => named[s.name]);
  try {
    const want = model.weights;
    const bad = want.findIndex((w, i) => !tensors[i] || w.shape.join("x") !== tensors[i].shape.join("x"));
    if (tensors.length !== want.length || bad >= 0) {
      throw new EvaluationError(
        "E_EVAL_RUN",
        `${dir}: the checkpoint does not fit the run's graph: expected ${want.length} weight tensors${bad >= 0 ? ` (#${bad} of shape [${want[bad].shape}], received [${tensors[bad]?.shape ?? "none"}])` : ""}; received ${tensors.length}`,
      );
    }
    model.setWeights(tensors);
    const epoch = json.netforge?.epoch;
    return Number.isInteger(epoch) ? epoch : null;
  } finally {
    tf.dispose(Object.values(named));
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
