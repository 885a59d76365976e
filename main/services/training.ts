import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError, describeZodIssues } from "../../shared/api/errors";
import type { LiveBoundary } from "../../shared/api/schemas/boundary";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import type { Project } from "../../shared/ir/project";
import { inferGraph } from "../../shared/shapes/infer";
import type { TrainerMessage } from "../../shared/trainer/protocol";
import { TrainingConfigSchema } from "../../shared/training/config";
import { memoryDiagnostic } from "../cli/project-checks";
import { runFolder, type Trainable, writeRunRecord } from "../cli/trainable";
import type { FolderAccess } from "./access";
import { resolveSpec } from "./data-paths";
import type { DraftRuns } from "./draft-runs";
import type { HostEvents } from "./events";
import { type EpochRecord, type RunEnd, type RunSummary, writeRunEnd } from "./run-files";
import { runSettings } from "./run-settings";
import type { TrainerPool } from "./trainer-pool";

/** A run this host started, while it trains and after (until the host exits). */
export interface LiveRun {
  runId: string;
  name: string;
  projectPath: string | null;
  /** The draft id it was started under (an unsaved project's identity in the editor). */
  draft: string | null;
  runDir: string | null;
  status: RunSummary["status"];
  epochsPlanned: number;
  history: EpochRecord[];
  message: string | null;
  hasModel: boolean;
  started: string;
  /** The trainer process generation that holds this run's model in memory. */
  generation: number;
  /** The data it trained on (resolved), for evaluation of runs without a folder. */
  data: InlineDataset | DatasetSpec;
  /** The last live decision boundary the trainer sent (two-feature data only). */
  boundary?: LiveBoundary;
}

/**
 * Training orchestration: validates the project, stores the run exactly as the CLI does
 * (`<name>.runs/<runId>/run.json`, metrics.jsonl and checkpoints written by the trainer), and
 * forwards the trainer's messages as API events. One run trains at a time (the trainer's rule).
 */
export class TrainingService {
  readonly live = new Map<string, LiveRun>();
  /** Called once a run's folder is complete (end.json written): a saved draft's run then follows the file. */
  onEnded: (run: LiveRun) => Promise<void> = async () => {};

  constructor(
    private readonly folders: FolderAccess,
    private readonly events: HostEvents,
    private readonly trainer: () => TrainerPool,
    private readonly drafts: DraftRuns,
  ) {}

  async start(req: ParsedRequestOf<"train.start">): Promise<ResponseOf<"train.start">> {
    const busy = [...this.live.values()].find((r) => r.status === "running" || r.status === "paused");
    if (busy) throw new ApiError("E_BUSY", `run "${busy.runId}" is still training; stop it first`);
    const { project, projectPath } = req;
    const draft = req.draft ?? null;
    const { analysis, training, data, config } = await this.resolve(project, projectPath);
    // As `netforge train` and `check` do: a model that cannot fit is refused with the figures.
    const memory = memoryDiagnostic(analysis, config.batchSize, config.optimizer.type);
    if (memory) throw new ApiError("E_GRAPH", memory.message, [memory]);
    const runId = newRunId();
    const trainable: Trainable = {
      name: project.name,
      source: projectPath ?? `template:${project.name}`,
      graph: project.graph,
      training,
      data,
      dataSummary:
        "kind" in data
          ? { kind: "inline", samples: data.x.length, from: projectPath ?? "(unsaved project)" }
          : { kind: data.source.kind, from: projectPath ?? "(unsaved project)", spec: data },
    };
    // A saved project's runs go beside its file; an unsaved one's into its draft's own folder
    // (moved beside the file when it is saved); without either, the run stays in memory.
    let runDir: string | null = null;
    if (projectPath) {
      runDir = runFolder(trainable, runId);
      await this.folders.check(runDir, "write");
    } else if (draft) {
      runDir = join(this.drafts.root(draft), runId);
    }
    if (runDir) {
      await mkdir(runDir, { recursive: true });
      await writeRunRecord(runDir, {
        runId,
        source: trainable.source,
        name: trainable.name,
        graph: trainable.graph,
        training: trainable.training,
        data: trainable.dataSummary,
      });
    }
    const pool = this.trainer();
    const client = await pool.get();
    const run: LiveRun = {
      runId,
      name: project.name,
      projectPath,
      draft,
      runDir,
      status: "running",
      epochsPlanned: config.epochs,
      history: [],
      message: null,
      hasModel: false,
      started: new Date().toISOString(),
      generation: pool.generation,
      data,
    };
    this.live.set(runId, run);
    this.events.emit("train.started", {
      runId,
      name: run.name,
      projectPath,
      draft,
      runDir,
      backend: client.ready.backend,
      epochs: config.epochs,
    });
    client.send({
      type: "start",
      runId,
      graph: project.graph,
      training,
      data,
      ...(runDir ? { runDir } : {}),
    });
    return { runId, runDir, backend: client.ready.backend };
  }

  async control(runId: string, action: "stop" | "pause" | "resume"): Promise<ResponseOf<"train.stop">> {
    const run = this.live.get(runId);
    if (!run || (run.status !== "running" && run.status !== "paused")) {
      throw new ApiError("E_NO_RUN", `no run "${runId}" is training in this session`);
    }
    await this.trainer().send({ type: action, runId });
    if (action !== "stop") {
      run.status = action === "pause" ? "paused" : "running";
      this.events.emit("train.status", { runId, status: run.status });
    }
    return { ok: true };
  }

  /** Every trainer message, forwarded to the UI and folded into the live run. */
  onTrainerMessage(m: TrainerMessage): void {
    if (m.runId === null) {
      if (m.type === "error") this.events.emit("train.error", { runId: null, code: m.code, message: m.message });
      return;
    }
    const run = this.live.get(m.runId);
    switch (m.type) {
      case "progress":
        this.events.emit("train.progress", withoutType(m));
        return;
      case "epoch":
        run?.history.push({ epoch: m.epoch + 1, ...m.metrics });
        this.events.emit("train.epoch", withoutType(m));
        return;
      case "samples":
        this.events.emit("train.samples", withoutType(m));
        return;
      case "boundary":
        if (run) run.boundary = m.boundary;
        this.events.emit("train.boundary", withoutType(m));
        return;
      case "telemetry":
        this.events.emit("train.telemetry", withoutType(m));
        return;
      case "checkpoint":
        if (run) run.hasModel = true;
        this.events.emit("train.checkpoint", withoutType(m));
        return;
      case "done": {
        const { type: _, ...done } = m;
        if (run) {
          run.status = m.reason;
          run.message = m.message ?? null;
          run.hasModel = true;
          void this.recordEnd(run, {
            reason: m.reason,
            epochs: m.epochs,
            steps: m.steps,
            metrics: m.metrics,
            message: m.message,
          });
        }
        this.events.emit("train.done", { ...done, runDir: run?.runDir ?? null });
        return;
      }
      case "error":
        // Errors answering a request (evaluate, predict) belong to that request, not the run.
        if (m.requestId !== undefined) return;
        if (run && (run.status === "running" || run.status === "paused")) {
          run.status = "failed";
          run.message = m.message;
          void this.recordEnd(run, { reason: "failed", epochs: run.history.length, message: m.message, code: m.code });
        }
        this.events.emit("train.error", { runId: m.runId, code: m.code, message: m.message });
        return;
      default:
        return;
    }
  }

  private async recordEnd(run: LiveRun, end: Omit<RunEnd, "ended">): Promise<void> {
    if (!run.runDir) return;
    await writeRunEnd(run.runDir, { ...end, ended: new Date().toISOString() }).catch(() => {
      // The run's own files are intact; only the status note is missing, and it is inferred then.
    });
    await this.onEnded(run).catch(() => {
      // The run stays in its draft folder, still listed, and moves with the next save.
    });
  }

  /**
   * A project as the trainer takes it: the graph checked, the settings the project leaves out
   * filled in as the Train tab shows them, its data paths resolved and allowed. Also used by the
   * debugging checks (main/services/checks.ts), which train nothing that is kept.
   */
  async resolve(project: Project, projectPath: string | null) {
    if (projectPath) await this.folders.check(projectPath, "read");
    const analysis = inferGraph(project.graph);
    const errors = analysis.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      throw new ApiError(
        "E_GRAPH",
        `the graph has ${errors.length} error(s); fix them first: ${errors
          .slice(0, 3)
          .map((d) => `${d.code} ${d.message}`)
          .join("; ")}`,
        errors,
      );
    }
    // Where the project is silent the settings follow the model and the data, as the Train tab shows.
    const { training, data } = await runSettings(
      analysis,
      project.training,
      await this.projectData(project, projectPath),
    );
    const config = TrainingConfigSchema.safeParse(training);
    if (!config.success) {
      throw new ApiError("E_BAD_REQUEST", `training settings: ${describeZodIssues(config.error)}`);
    }
    return { analysis, training, data, config: config.data };
  }

  /** The project's data, checked: inline samples, or a spec with its paths resolved and allowed. */
  async projectData(project: Project, projectPath: string | null): Promise<InlineDataset | DatasetSpec> {
    if (project.data === null) {
      throw new ApiError("E_BAD_REQUEST", "the project has no data; choose a dataset in the Data tab first");
    }
    const inline = InlineDatasetSchema.safeParse(project.data);
    if (inline.success) return inline.data;
    const spec = DatasetSpecSchema.safeParse(project.data);
    if (!spec.success) {
      throw new ApiError(
        "E_BAD_REQUEST",
        `project.data: expected a dataset spec { "source": ... } or inline samples { "kind": "inline", ... }; ${describeZodIssues(spec.error)}`,
      );
    }
    return resolveSpec(this.folders, spec.data, projectPath);
  }
}

/** Same form as the CLI's: sortable start time plus a random suffix. */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}-${randomBytes(3).toString("hex")}`;
}

function withoutType<T extends { type: string }>(m: T): Omit<T, "type"> {
  const { type: _, ...rest } = m;
  return rest;
}
