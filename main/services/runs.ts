import { basename, join } from "node:path";
import type { ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { FolderAccess } from "./access";
import type { DraftRuns } from "./draft-runs";
import { historyCsv, listRunIds, readRun, runsRoot, type StoredRun, summarize } from "./run-files";
import { type RunLeft, transferRuns } from "./run-transfer";
import { readTelemetry } from "./telemetry-file";
import { sweepStaleTemps } from "./temp-sweep";
import type { LiveRun, TrainingService } from "./training";

/**
 * The runs of a project: the run folders beside its file (whoever wrote them, the app or the CLI)
 * merged with the runs this host is training, whose in-memory state is fresher than the files.
 */
/** A folder of run folders; `own` when it is the host's own draft folder rather than beside a file. */
interface RunsRoot {
  dir: string;
  own: boolean;
}

export class RunsService {
  /** Draft ids saved in this host's lifetime, and the file each became. */
  private readonly savedDrafts = new Map<string, string>();

  constructor(
    private readonly folders: FolderAccess,
    private readonly training: TrainingService,
    private readonly drafts: DraftRuns,
  ) {}

  async list(ref: ProjectRef): Promise<ResponseOf<"runs.list">> {
    const live = [...this.training.live.values()].filter((r) => belongs(r, ref));
    const runs = live.filter((r) => !r.runDir).map((r) => summarize(memoryRun(r), liveFields(r)));
    for (const root of await this.roots(ref)) {
      for (const runId of await listRunIds(root.dir)) {
        const runDir = await this.runDir(root, runId).catch(() => null);
        if (runDir === null) continue; // a run folder with a link out is not read (runs.get says why)
        const stored = await readRun(runDir, runId);
        const own = this.training.live.get(runId);
        runs.push(summarize(stored, own ? liveFields(own) : undefined));
      }
    }
    runs.sort((a, b) => (b.started ?? b.runId).localeCompare(a.started ?? a.runId));
    return { runs };
  }

  async get(ref: ProjectRef, runId: string): Promise<ResponseOf<"runs.get">> {
    const { stored, live } = await this.find(ref, runId);
    return {
      run: summarize(stored, live ? liveFields(live) : undefined),
      history: live ? live.history : stored.history,
      record: stored.record,
    };
  }

  async metricsCsv(ref: ProjectRef, runId: string): Promise<ResponseOf<"runs.metricsCsv">> {
    const { run, history } = await this.get(ref, runId);
    const stem = ref.projectPath ? basename(ref.projectPath).replace(/\.netforge\.json$|\.json$/i, "") : run.name;
    return { fileName: `${stem}-${runId}-metrics.csv`.replace(/[^\w.-]+/g, "_"), csv: historyCsv(history) };
  }

  /** The run's telemetry.jsonl; none for a run without a folder or without telemetry. */
  async telemetry(ref: ProjectRef, runId: string): Promise<ResponseOf<"runs.telemetry">> {
    const { stored } = await this.find(ref, runId);
    return (stored.runDir ? await readTelemetry(stored.runDir) : null) ?? { records: [], skipped: 0 };
  }

  /** A run by project and id: its folder when it has one, else this host's memory. */
  async find(ref: ProjectRef, runId: string): Promise<{ stored: StoredRun; live: LiveRun | undefined }> {
    const live = this.training.live.get(runId);
    const own = live && belongs(live, ref) ? live : undefined;
    if (own && !own.runDir) return { stored: memoryRun(own), live: own };
    const roots = await this.roots(ref);
    for (const root of roots) {
      const runDir = await this.runDir(root, runId);
      // Files of a trainer or host killed mid-save: their temporary files go before anything reads the run.
      for (const dir of [runDir, join(runDir, "checkpoints", "best"), join(runDir, "checkpoints", "last")])
        await sweepStaleTemps(dir);
      const stored = await readRun(runDir, runId);
      if (stored.record) return { stored, live: own };
    }
    if (own?.runDir) return { stored: await readRun(own.runDir, runId), live: own };
    if (roots.length === 0)
      throw new ApiError("E_NO_RUN", `no run "${runId}" in this session (the project is not saved)`);
    throw new ApiError(
      "E_NO_RUN",
      `no run "${runId}" in this project (expected ${roots.map((r) => join(r.dir, runId, "run.json")).join(" or ")})`,
    );
  }

  /** Where a project's run folders are: beside its file, and its draft's folder for runs made before a save. */
  private async roots(ref: ProjectRef): Promise<RunsRoot[]> {
    const roots: RunsRoot[] = [];
    if (ref.projectPath) {
      await this.folders.check(ref.projectPath, "read");
      // The runs folder may itself be a link; it is read only where it really lies inside.
      roots.push({ dir: await this.folders.check(runsRoot(ref.projectPath), "read"), own: false });
    }
    if (ref.draft) roots.push({ dir: this.drafts.root(ref.draft), own: true });
    return roots;
  }

  /**
   * A run's folder, resolved. Beside a project every file of it is read here or by the trainer, so
   * no link in it may point outside the opened folders; a draft's folder is the host's own (in its
   * config folder, written only by its trainer).
   */
  private runDir(root: RunsRoot, runId: string): Promise<string> {
    const dir = join(root.dir, runId);
    return root.own ? Promise.resolve(dir) : this.folders.checkTree(dir, "read");
  }

  /**
   * After a save: the draft's runs move beside the file (Save As of a saved project copies the old
   * file's runs instead), run by run; runs still training stay where they are and are still listed
   * under the draft, and move with the next save. Live runs follow their folders.
   */
  async adopt(
    to: string,
    from: { draft?: string; copyFrom?: string },
  ): Promise<{ moved: number; copied: number; left: RunLeft[] }> {
    const target = runsRoot(to);
    const busy = (runId: string) => {
      const r = this.training.live.get(runId);
      return r && (r.status === "running" || r.status === "paused")
        ? "still training; it moves beside the file when it ends"
        : null;
    };
    const left: RunLeft[] = [];
    let moved = 0;
    let copied = 0;
    if (from.draft) {
      this.savedDrafts.set(from.draft, to);
      const r = await transferRuns(this.drafts.root(from.draft), target, "move", busy);
      for (const runId of r.done) this.relocate(runId, to, join(target, runId));
      moved = r.done.length;
      left.push(...r.left);
    }
    if (from.copyFrom && from.copyFrom !== to) {
      const source = runsRoot(await this.folders.check(from.copyFrom, "read"));
      if (source !== target) {
        const r = await transferRuns(source, target, "copy", busy);
        copied = r.done.length;
        left.push(...r.left);
      }
    }
    return { moved, copied, left };
  }

  /** A run that was still training when its draft was saved follows the file once it has ended. */
  async followSave(run: LiveRun): Promise<void> {
    const to = run.draft ? this.savedDrafts.get(run.draft) : undefined;
    if (!to || !run.draft || run.projectPath === to) return;
    await this.adopt(to, { draft: run.draft });
  }

  private relocate(runId: string, projectPath: string, runDir: string): void {
    const live = this.training.live.get(runId);
    if (!live) return;
    live.projectPath = projectPath;
    live.runDir = runDir;
  }
}

/** Which project a request means: its file, and the draft id it had (or has) in the editor. */
export interface ProjectRef {
  projectPath: string | null;
  draft?: string;
}

/** A live run is the project's when it was trained for the same file or under the same draft id. */
function belongs(r: LiveRun, ref: ProjectRef): boolean {
  if (ref.projectPath !== null && r.projectPath === ref.projectPath) return true;
  if (ref.draft !== undefined) return r.draft === ref.draft;
  // Old clients that send no draft id: the unsaved runs they started without one.
  return ref.projectPath === null && r.projectPath === null && r.draft === null;
}

function memoryRun(r: LiveRun): StoredRun {
  return {
    runId: r.runId,
    runDir: null,
    record: { name: r.name, started: r.started },
    history: r.history,
    end: null,
    hasModel: r.hasModel,
    checkpoints: [],
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
