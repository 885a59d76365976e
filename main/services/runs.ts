import { basename, join } from "node:path";
import type { ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { FolderAccess } from "./access";
import { historyCsv, listRunIds, readRun, runsRoot, type StoredRun, summarize } from "./run-files";
import { sweepStaleTemps } from "./temp-sweep";
import type { LiveRun, TrainingService } from "./training";

/**
 * The runs of a project: the run folders beside its file (whoever wrote them, the app or the CLI)
 * merged with the runs this host is training, whose in-memory state is fresher than the files.
 */
export class RunsService {
  constructor(
    private readonly folders: FolderAccess,
    private readonly training: TrainingService,
  ) {}

  async list(projectPath: string | null): Promise<ResponseOf<"runs.list">> {
    const live = [...this.training.live.values()].filter((r) => r.projectPath === projectPath);
    const runs = live.filter((r) => !r.runDir).map((r) => summarize(memoryRun(r), liveFields(r)));
    if (projectPath) {
      await this.folders.check(projectPath, "read");
      // The runs folder may itself be a link; it is read only where it really lies inside.
      const root = await this.folders.check(runsRoot(projectPath), "read");
      for (const runId of await listRunIds(projectPath)) {
        const runDir = await this.folders.checkTree(join(root, runId), "read").catch(() => null);
        if (runDir === null) continue; // a run folder with a link out is not read (runs.get says why)
        const stored = await readRun(runDir, runId);
        const own = this.training.live.get(runId);
        runs.push(summarize(stored, own ? liveFields(own) : undefined));
      }
    }
    runs.sort((a, b) => (b.started ?? b.runId).localeCompare(a.started ?? a.runId));
    return { runs };
  }

  async get(projectPath: string | null, runId: string): Promise<ResponseOf<"runs.get">> {
    const { stored, live } = await this.find(projectPath, runId);
    return {
      run: summarize(stored, live ? liveFields(live) : undefined),
      history: live ? live.history : stored.history,
      record: stored.record,
    };
  }

  async metricsCsv(projectPath: string | null, runId: string): Promise<ResponseOf<"runs.metricsCsv">> {
    const { run, history } = await this.get(projectPath, runId);
    const stem = projectPath ? basename(projectPath).replace(/\.netforge\.json$|\.json$/i, "") : run.name;
    return { fileName: `${stem}-${runId}-metrics.csv`.replace(/[^\w.-]+/g, "_"), csv: historyCsv(history) };
  }

  /** A run by project and id: its folder when it has one, else this host's memory. */
  async find(projectPath: string | null, runId: string): Promise<{ stored: StoredRun; live: LiveRun | undefined }> {
    const live = this.training.live.get(runId);
    if (live && live.projectPath === projectPath && !live.runDir) return { stored: memoryRun(live), live };
    if (!projectPath) throw new ApiError("E_NO_RUN", `no run "${runId}" in this session (the project is not saved)`);
    await this.folders.check(projectPath, "read");
    // Every file of the folder is read here or by the trainer: no link in it may point outside.
    const runDir = await this.folders.checkTree(join(runsRoot(projectPath), runId), "read");
    // Files of a trainer or host killed mid-save: their temporary files go before anything reads the run.
    for (const dir of [runDir, join(runDir, "checkpoints", "best"), join(runDir, "checkpoints", "last")])
      await sweepStaleTemps(dir);
    const stored = await readRun(runDir, runId);
    if (!stored.record && !live) {
      throw new ApiError("E_NO_RUN", `no run "${runId}" beside ${projectPath} (expected ${join(runDir, "run.json")})`);
    }
    return { stored, live };
  }
}

function memoryRun(r: LiveRun): StoredRun {
  return {
    runId: r.runId,
    runDir: null,
    record: { name: r.name, started: r.started },
    history: r.history,
    end: null,
    hasModel: r.hasModel,
  };
}

function liveFields(r: LiveRun) {
  return {
    status: r.status,
    history: r.history,
    epochsPlanned: r.epochsPlanned,
    message: r.message ?? undefined,
    hasModel: r.hasModel,
  };
}
