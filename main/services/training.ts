import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError, describeZodIssues } from "../../shared/api/errors";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import type { Project } from "../../shared/ir/project";
import { inferGraph } from "../../shared/shapes/infer";
import type { TrainerMessage } from "../../shared/trainer/protocol";
import { TrainingConfigSchema } from "../../shared/training/config";
import { runFolder, type Trainable, writeRunRecord } from "../cli/trainable";
import type { FolderAccess } from "./access";
import { resolveSpec } from "./data-paths";
import type { HostEvents } from "./events";
import { type EpochRecord, type RunEnd, type RunSummary, writeRunEnd } from "./run-files";
import type { TrainerPool } from "./trainer-pool";

/** A run this host started, while it trains and after (until the host exits). */
export interface LiveRun {
  runId: string;
  name: string;
  projectPath: string | null;
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
}

/**
 * Training orchestration: validates the project, stores the run exactly as the CLI does
 * (`<name>.runs/<runId>/run.json`, metrics.jsonl and checkpoints written by the trainer), and
 * forwards the trainer's messages as API events. One run trains at a time (the trainer's rule).
 */
export class TrainingService {
  readonly live = new Map<string, LiveRun>();

  constructor(
    private readonly folders: FolderAccess,
    private readonly events: HostEvents,
    private readonly trainer: () => TrainerPool,
  ) {}

  async start(req: ParsedRequestOf<"train.start">): Promise<ResponseOf<"train.start">> {
    const busy = [...this.live.values()].find((r) => r.status === "running" || r.status === "paused");
    if (busy) throw new ApiError("E_BUSY", `run "${busy.runId}" is still training; stop it first`);
    const { project, projectPath } = req;
    if (projectPath) await this.folders.check(projectPath, "read");
    const errors = inferGraph(project.graph).diagnostics.filter((d) => d.severity === "error");
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
    const config = TrainingConfigSchema.safeParse(project.training);
    if (!config.success) {
      throw new ApiError("E_BAD_REQUEST", `training settings: ${describeZodIssues(config.error)}`);
    }
    const data = await this.projectData(project, projectPath);
    const runId = newRunId();
    const trainable: Trainable = {
      name: project.name,
      source: projectPath ?? `template:${project.name}`,
      graph: project.graph,
      training: project.training,
      data,
      dataSummary:
        "kind" in data
          ? { kind: "inline", samples: data.x.length, from: projectPath ?? "(unsaved project)" }
          : { kind: data.source.kind, from: projectPath ?? "(unsaved project)", spec: data },
    };
    let runDir: string | null = null;
    if (projectPath) {
      runDir = runFolder(trainable, runId);
      await this.folders.check(runDir, "write");
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
      runDir,
      status: "running",
      epochsPlanned: config.data.epochs,
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
      runDir,
      backend: client.ready.backend,
    });
    client.send({
      type: "start",
      runId,
      graph: project.graph,
      training: project.training,
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
  }

  private async projectData(project: Project, projectPath: string | null): Promise<InlineDataset | DatasetSpec> {
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
