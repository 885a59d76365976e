import { dirname } from "node:path";
import type { MethodName, ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { exportReadiness } from "../../shared/onnx/readiness";
import { inferGraph } from "../../shared/shapes/infer";
import type { FolderAccess } from "./access";
import type { ChecksService } from "./checks";
import type { DataService } from "./data";
import type { ExportsService } from "./exports";
import type { FilesService } from "./files";
import type { InferenceService } from "./inference";
import type { ProjectsService } from "./projects";
import type { RecentFiles } from "./recent";
import type { RecoveryStore } from "./recovery";
import { runBoundary } from "./run-boundary";
import type { RunsService } from "./runs";
import type { StepThroughService } from "./step-through";
import type { Templates } from "./templates";
import type { TrainingService } from "./training";

/** Who is calling: one renderer connection (a browser tab's socket, or the Electron window). */
export interface CallContext {
  clientId: string;
}

/** What only a desktop shell can do; browser mode has none of these and answers E_UNSUPPORTED. */
export interface ShellHooks {
  openDialog?(req: ParsedRequestOf<"dialog.open">): Promise<string | null>;
  saveDialog?(req: ParsedRequestOf<"dialog.save">): Promise<string | null>;
  reveal?(path: string): Promise<void>;
  closeResponse?(proceed: boolean): void;
}

export interface Services {
  info(): ResponseOf<"app.info">;
  folders: FolderAccess;
  projects: ProjectsService;
  recent: RecentFiles;
  recovery: RecoveryStore;
  liveSessions: Map<string, string>;
  templates: Templates;
  files: FilesService;
  data: DataService;
  training: TrainingService;
  runs: RunsService;
  inference: InferenceService;
  checks: ChecksService;
  exports: ExportsService;
  stepThrough: StepThroughService;
  shell: ShellHooks;
}

export type Handler<M extends MethodName> = (req: ParsedRequestOf<M>, ctx: CallContext) => Promise<ResponseOf<M>>;
/** Exhaustive: a method added to the contract without a handler does not compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

export function createHandlers(s: Services): HandlerTable {
  const unsupported = (what: string) => {
    throw new ApiError(
      "E_UNSUPPORTED",
      `${what} is only available in the desktop app; browser mode has no native shell`,
    );
  };
  const reveal = async (path: string) => {
    if (!s.shell.reveal) return unsupported("showing a file in the file manager");
    await s.shell.reveal(await s.folders.check(path, "read"));
    return { ok: true as const };
  };
  return {
    "app.info": async () => s.info(),
    "app.closeResponse": async (req) => {
      if (!s.shell.closeResponse) return unsupported("answering a close request");
      s.shell.closeResponse(req.proceed);
      return { ok: true };
    },
    "dialog.open": async (req) => {
      if (!s.shell.openDialog) return unsupported("a native open dialog");
      const path = await s.shell.openDialog(req);
      if (path) await s.folders.grant(req.purpose === "data-folder" ? path : dirname(path));
      return { path };
    },
    "dialog.save": async (req) => {
      if (!s.shell.saveDialog) return unsupported("a native save dialog");
      const path = await s.shell.saveDialog(req);
      if (path) await s.folders.grant(dirname(path));
      return { path };
    },

    "projects.new": (req) => s.projects.create(req),
    "projects.open": (req) => s.projects.open(req.path),
    "projects.save": async (req) => {
      const saved = await s.projects.save(req);
      return { ...saved, runs: await s.runs.adopt(saved.path, { draft: req.draft, copyFrom: req.copyRunsFrom }) };
    },
    "projects.import": async (req) => s.projects.import(req.text, req.fileName),
    "projects.recent": async () => ({ items: await s.recent.list() }),
    "projects.removeRecent": async (req) => {
      await s.recent.remove(req.path);
      return { items: await s.recent.list() };
    },
    "projects.autosave": async (req, ctx) => {
      s.liveSessions.set(req.sessionId, ctx.clientId);
      return { savedAt: await s.recovery.write(req.sessionId, req.path, req.project, req.draft) };
    },
    "projects.recovery": async (req) => {
      const exclude = new Set(s.liveSessions.keys());
      if (req.sessionId) exclude.add(req.sessionId);
      return { items: await s.recovery.list(exclude) };
    },
    "projects.discardRecovery": async (req) => {
      await s.recovery.discard(req.sessionId);
      s.liveSessions.delete(req.sessionId);
      return { ok: true };
    },

    "templates.list": async () => ({ templates: await s.templates.list() }),
    "templates.get": async (req) => ({ project: await s.templates.get(req.id) }),

    "fs.list": (req) => s.files.list(req),
    "fs.openFolder": (req) => s.files.openFolder(req.path),
    "fs.upload": (req) => s.files.upload(req),
    "fs.reveal": (req) => reveal(req.path),

    "data.probe": (req) => s.data.probe(req.spec, req.projectPath),
    "data.specForPath": (req) => s.data.specForPath(req.path),
    "data.thumbnails": (req) => s.data.thumbnails(req),

    "train.start": (req) => s.training.start(req),
    "train.stop": (req) => s.training.control(req.runId, "stop"),
    "train.pause": (req) => s.training.control(req.runId, "pause"),
    "train.resume": (req) => s.training.control(req.runId, "resume"),

    "runs.list": (req) => s.runs.list(req),
    "runs.get": (req) => s.runs.get(req, req.runId),
    "runs.metricsCsv": (req) => s.runs.metricsCsv(req, req.runId),
    "runs.boundary": (req) => runBoundary(s.runs, req, req.runId),
    "runs.telemetry": (req) => s.runs.telemetry(req, req.runId),

    "evaluate.run": (req) => s.inference.evaluate(req),
    "predict.run": (req) => s.inference.predict(req),
    "step.run": (req) => s.stepThrough.run(req),
    "check.gradients": (req) => s.checks.gradients(req),
    "check.overfit": (req) => s.checks.overfit(req),
    "inside.featureMaps": (req) => s.inference.inside(req),

    "export.readiness": async (req) => ({
      report: exportReadiness(inferGraph(req.project.graph), { includeDiscriminator: req.discriminator }),
    }),
    "export.run": (req) => s.exports.run(req),
    "export.reveal": (req) => reveal(req.path),
  };
}
