import { access } from "node:fs/promises";
import { join } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { FeatureMapsSchema } from "../../shared/evaluation/inside";
import { EvaluationReportSchema, PredictionResultSchema } from "../../shared/evaluation/report";
import { parseProject } from "../../shared/ir/load";
import type { FolderAccess } from "./access";
import { resolveSpec } from "./data-paths";
import { readJsonFile } from "./json-file";
import { recordedDataSpec, type StoredRun } from "./run-files";
import { partsText, type RunPart, runParts } from "./run-parts";
import type { RunsService } from "./runs";
import type { TrainerPool } from "./trainer-pool";
import type { LiveRun } from "./training";

/**
 * Evaluate and try-it predictions, delegated to the trainer: on the model still in its memory
 * when this host trained it (and the trainer has not restarted since), otherwise on the run
 * folder's saved checkpoint.
 */
export class InferenceService {
  constructor(
    private readonly folders: FolderAccess,
    private readonly runs: RunsService,
    private readonly trainer: () => TrainerPool,
  ) {}

  async evaluate(req: ParsedRequestOf<"evaluate.run">): Promise<ResponseOf<"evaluate.run">> {
    const { stored, live } = await this.runs.find(req, req.runId);
    const data =
      req.data && !("kind" in req.data) ? await resolveSpec(this.folders, req.data, req.projectPath) : req.data;
    const split = data ? undefined : splitFor(req, stored, live);
    const options = {
      runId: req.runId,
      ...(split ? { split } : {}),
      ...(data ? { data } : {}),
      ...(req.mistakes !== undefined ? { mistakes: req.mistakes } : {}),
    };
    const pool = this.trainer();
    // A run with a folder is evaluated on the checkpoint asked for (best or last), so the report can
    // say which epoch's weights it used; the trainer's memory serves runs that have no folder.
    const inMemory = !stored.runDir && live && live.generation === pool.generation && live.hasModel;
    const value = inMemory
      ? await pool.request({ type: "evaluate", ...options }).catch(async (error) => {
          // The trainer keeps only its recent models; an older run is evaluated from its folder.
          if (!(error instanceof ApiError) || error.code !== "E_NO_RUN" || !stored.runDir) throw error;
          return this.savedRequest(pool, { type: "evaluate", ...options }, stored, req, live?.data);
        })
      : await this.savedRequest(pool, { type: "evaluate", ...options }, stored, req, live?.data);
    const report = EvaluationReportSchema.safeParse(value);
    if (!report.success) throw new ApiError("E_INTERNAL", "the trainer's evaluation report does not match its schema");
    return { report: report.data };
  }

  async predict(req: ParsedRequestOf<"predict.run">): Promise<ResponseOf<"predict.run">> {
    const { stored, live } = await this.runs.find(req, req.runId);
    for (const s of req.samples) if (s.kind === "image" && s.path) await this.folders.check(s.path, "read");
    const pool = this.trainer();
    const base = { type: "predict" as const, runId: req.runId, samples: req.samples };
    const withDir = stored.runDir ? { runDir: stored.runDir } : {};
    const inMemory = live && live.generation === pool.generation && live.hasModel;
    const value = inMemory
      ? await pool.request({ ...base, ...withDir })
      : await pool.request({ ...base, ...withDir, modelDir: await modelDirOf(stored.runDir, req.checkpoint) });
    const result = PredictionResultSchema.safeParse(value);
    if (!result.success) throw new ApiError("E_INTERNAL", "the trainer's prediction does not match its schema");
    return { result: result.data };
  }

  /**
   * Feature maps and filters of one sample, like evaluate: a run with a folder from the checkpoint
   * asked for (so the maps match the weights the report names), the trainer's memory otherwise.
   */
  async inside(req: ParsedRequestOf<"inside.featureMaps">): Promise<ResponseOf<"inside.featureMaps">> {
    const { stored, live } = await this.runs.find(req, req.runId);
    const sample = req.sample;
    if (sample?.kind === "image" && sample.path) await this.folders.check(sample.path, "read");
    const base = {
      type: "inside" as const,
      runId: req.runId,
      ...(sample ? { sample } : {}),
      ...(req.index !== undefined ? { index: req.index } : {}),
    };
    const pool = this.trainer();
    const inMemory = !stored.runDir && live && live.generation === pool.generation && live.hasModel;
    const value = inMemory ? await pool.request(base) : await this.savedRequest(pool, base, stored, req, live?.data);
    const maps = FeatureMapsSchema.safeParse(value);
    if (!maps.success) throw new ApiError("E_INTERNAL", "the trainer's feature maps do not match their schema");
    return { maps: maps.data };
  }

  /** An evaluate or inside request on a saved run: its folder, checkpoint and data. */
  private async savedRequest(
    pool: TrainerPool,
    base: Extract<Parameters<TrainerPool["request"]>[0], { type: "evaluate" | "inside" }>,
    stored: StoredRun,
    req: { runId: string; projectPath: string | null; checkpoint?: "best" | "last" },
    liveData: InlineDataset | DatasetSpec | undefined,
  ): Promise<unknown> {
    const { runDir } = stored;
    if (!runDir) throw new ApiError("E_NO_RUN", `run "${req.runId}" has no saved model (the project was not saved)`);
    // The trainer falls back on run.json's data only when it is sent none, so run.json's spec is
    // always sent, checked like any other: a run folder is a file anyone could have written.
    const runData =
      liveData ?? (await this.projectData(req.projectPath)) ?? (await this.recordedSpec(stored, req.projectPath));
    return pool.request({
      ...base,
      runDir,
      ...(req.checkpoint ? { checkpoint: req.checkpoint } : {}),
      ...(runData ? { runData } : {}),
    });
  }

  /** run.json's dataset spec (inline data is recorded by count only), its paths checked. */
  private async recordedSpec(stored: StoredRun, projectPath: string | null): Promise<DatasetSpec | undefined> {
    const spec = recordedDataSpec(stored.record);
    return spec ? resolveSpec(this.folders, spec, projectPath) : undefined;
  }

  /** The project file's data (run.json records inline data by count only). */
  private async projectData(projectPath: string | null): Promise<InlineDataset | DatasetSpec | undefined> {
    if (!projectPath) return undefined;
    const parsed = parseProject(await readJsonFile(await this.folders.check(projectPath, "read")));
    if (!parsed.ok) return undefined;
    const inline = InlineDatasetSchema.safeParse(parsed.value.data);
    if (inline.success) return inline.data;
    const spec = DatasetSpecSchema.safeParse(parsed.value.data);
    return spec.success ? resolveSpec(this.folders, spec.data, projectPath) : undefined;
  }
}

/**
 * The part to evaluate: the one asked for, which must exist (never another one silently in its
 * place), or else the first that does (validation, test, training). Runs without a folder are left
 * to the trainer, which knows their data.
 */
function splitFor(
  req: ParsedRequestOf<"evaluate.run">,
  stored: StoredRun,
  live: LiveRun | undefined,
): RunPart | undefined {
  if (!stored.runDir) return req.split;
  const parts = runParts(stored.record, live?.history ?? stored.history);
  if (!req.split) return parts[0];
  if (parts.includes(req.split)) return req.split;
  throw new ApiError(
    "E_BAD_REQUEST",
    `run "${req.runId}" has no ${req.split === "train" ? "training" : req.split} part to evaluate; its data has the ${partsText(parts)} part${parts.length === 1 ? "" : "s"}`,
  );
}

/** `<runDir>/checkpoints/<best|last>`: the asked one, else best when it exists, else last. */
export async function modelDirOf(runDir: string | null, checkpoint: "best" | "last" | undefined): Promise<string> {
  if (!runDir) throw new ApiError("E_NO_RUN", "the run has no folder with a saved model");
  const order = checkpoint ? [checkpoint] : ["best", "last"];
  for (const kind of order) {
    const dir = join(runDir, "checkpoints", kind);
    if (
      await access(join(dir, "model.json")).then(
        () => true,
        () => false,
      )
    )
      return dir;
  }
  throw new ApiError("E_NO_RUN", `no ${order.join(" or ")} checkpoint in ${runDir}`);
}
