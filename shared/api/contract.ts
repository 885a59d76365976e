import { z } from "zod";
import { ProjectSchema } from "../ir/project";
import { defineContract } from "./define";
import {
  AppInfoSchema,
  CloseResponseSchema,
  DialogOpenRequestSchema,
  DialogResultSchema,
  DialogSaveRequestSchema,
} from "./schemas/app";
import { RunBoundaryResultSchema, TrainBoundaryEventSchema } from "./schemas/boundary";
import {
  GradCheckRequestSchema,
  GradCheckResultSchema,
  OverfitRequestSchema,
  OverfitResultSchema,
} from "./schemas/checks";
import { EmptySchema, OkSchema } from "./schemas/common";
import {
  DataProbeRequestSchema,
  DataProbeResultSchema,
  DataSpecForPathRequestSchema,
  DataSpecForPathResultSchema,
  DataThumbnailsRequestSchema,
  DataThumbnailsResultSchema,
} from "./schemas/data";
import {
  EvaluateRequestSchema,
  EvaluateResultSchema,
  PredictRequestSchema,
  PredictResultSchema,
} from "./schemas/evaluate";
import {
  AppCloseRequestedEventSchema,
  AppCommandEventSchema,
  AppOpenFileEventSchema,
  TrainCheckpointEventSchema,
  TrainDoneEventSchema,
  TrainEpochEventSchema,
  TrainErrorEventSchema,
  TrainerExitedEventSchema,
  TrainerReadyEventSchema,
  TrainProgressEventSchema,
  TrainSamplesEventSchema,
  TrainStartedEventSchema,
  TrainStatusEventSchema,
} from "./schemas/events";
import {
  ExportReadinessRequestSchema,
  ExportReadinessResultSchema,
  ExportRunRequestSchema,
  ExportRunResultSchema,
} from "./schemas/export";
import {
  FsListRequestSchema,
  FsListResultSchema,
  FsOpenFolderRequestSchema,
  FsOpenFolderResultSchema,
  FsUploadRequestSchema,
  FsUploadResultSchema,
  RevealRequestSchema,
} from "./schemas/files";
import { InsideFeatureMapsRequestSchema, InsideFeatureMapsResultSchema } from "./schemas/inside";
import {
  AutosaveRequestSchema,
  AutosaveResultSchema,
  DiscardRecoveryRequestSchema,
  ImportProjectRequestSchema,
  NewProjectRequestSchema,
  OpenProjectRequestSchema,
  ProjectResultSchema,
  RecentListSchema,
  RecoveryListSchema,
  RecoveryRequestSchema,
  RemoveRecentRequestSchema,
  SaveProjectRequestSchema,
  SaveProjectResultSchema,
  TemplateGetRequestSchema,
  TemplateListSchema,
} from "./schemas/projects";
import { StepThroughRequestSchema, StepThroughResultSchema } from "./schemas/step-through";
import { RunTelemetryRequestSchema, RunTelemetryResultSchema, TrainTelemetryEventSchema } from "./schemas/telemetry";
import {
  MetricsCsvResultSchema,
  RunGetRequestSchema,
  RunGetResultSchema,
  RunRefSchema,
  RunsListRequestSchema,
  RunsListResultSchema,
  TrainStartRequestSchema,
  TrainStartResultSchema,
} from "./schemas/training";

/**
 * The host API: every method the renderer may call and every event the host may send. The host
 * implements it once (main/services); Electron IPC and the browser-mode WebSocket are thin
 * adapters derived from these names; the renderer's client is typed from it.
 */
export const contract = defineContract({
  methods: {
    "app.info": { request: EmptySchema, response: AppInfoSchema, summary: "Version, shell, backend, folders" },
    "app.closeResponse": {
      request: CloseResponseSchema,
      response: OkSchema,
      summary: "Answer to app.closeRequested (Electron)",
    },
    "dialog.open": { request: DialogOpenRequestSchema, response: DialogResultSchema, summary: "Native open dialog" },
    "dialog.save": { request: DialogSaveRequestSchema, response: DialogResultSchema, summary: "Native save dialog" },

    "projects.new": { request: NewProjectRequestSchema, response: ProjectResultSchema, summary: "Blank or template" },
    "projects.open": { request: OpenProjectRequestSchema, response: ProjectResultSchema, summary: "Open a file" },
    "projects.save": {
      request: SaveProjectRequestSchema,
      response: SaveProjectResultSchema,
      summary: "Save atomically (also Save As)",
    },
    "projects.import": {
      request: ImportProjectRequestSchema,
      response: ProjectResultSchema,
      summary: "Parse an uploaded project file",
    },
    "projects.recent": { request: EmptySchema, response: RecentListSchema, summary: "Recently opened files" },
    "projects.removeRecent": { request: RemoveRecentRequestSchema, response: RecentListSchema, summary: "Forget one" },
    "projects.autosave": {
      request: AutosaveRequestSchema,
      response: AutosaveResultSchema,
      summary: "Write the session's recovery file",
    },
    "projects.recovery": {
      request: RecoveryRequestSchema,
      response: RecoveryListSchema,
      summary: "Recovery files left by crashed sessions",
    },
    "projects.discardRecovery": { request: DiscardRecoveryRequestSchema, response: OkSchema, summary: "Drop one" },

    "templates.list": { request: EmptySchema, response: TemplateListSchema, summary: "Starter templates" },
    "templates.get": {
      request: TemplateGetRequestSchema,
      response: z.object({ project: ProjectSchema }),
      summary: "One template as a project (data paths made absolute)",
    },

    "fs.list": { request: FsListRequestSchema, response: FsListResultSchema, summary: "Folder browser" },
    "fs.openFolder": {
      request: FsOpenFolderRequestSchema,
      response: FsOpenFolderResultSchema,
      summary: "Allow access to a folder",
    },
    "fs.upload": { request: FsUploadRequestSchema, response: FsUploadResultSchema, summary: "Upload a file" },
    "fs.reveal": { request: RevealRequestSchema, response: OkSchema, summary: "Show in the file manager" },

    "data.probe": { request: DataProbeRequestSchema, response: DataProbeResultSchema, summary: "Summarize data" },
    "data.specForPath": {
      request: DataSpecForPathRequestSchema,
      response: DataSpecForPathResultSchema,
      summary: "A dataset spec for a file or folder",
    },
    "data.thumbnails": {
      request: DataThumbnailsRequestSchema,
      response: DataThumbnailsResultSchema,
      summary: "Small PNG previews of image files",
    },

    "train.start": { request: TrainStartRequestSchema, response: TrainStartResultSchema, summary: "Start a run" },
    "train.stop": { request: RunRefSchema, response: OkSchema, summary: "Stop after the current batch" },
    "train.pause": { request: RunRefSchema, response: OkSchema, summary: "Pause between batches" },
    "train.resume": { request: RunRefSchema, response: OkSchema, summary: "Resume a paused run" },

    "runs.list": { request: RunsListRequestSchema, response: RunsListResultSchema, summary: "Runs of a project" },
    "runs.get": { request: RunGetRequestSchema, response: RunGetResultSchema, summary: "One run with its history" },
    "runs.metricsCsv": {
      request: RunGetRequestSchema,
      response: MetricsCsvResultSchema,
      summary: "A run's epoch curves as CSV",
    },
    "runs.telemetry": {
      request: RunTelemetryRequestSchema,
      response: RunTelemetryResultSchema,
      summary: "A run's per-layer telemetry",
    },

    "runs.boundary": {
      request: RunGetRequestSchema,
      response: RunBoundaryResultSchema,
      summary: "A run's last live decision boundary",
    },

    "evaluate.run": { request: EvaluateRequestSchema, response: EvaluateResultSchema, summary: "Evaluate a run" },
    "predict.run": { request: PredictRequestSchema, response: PredictResultSchema, summary: "Try the model" },
    "step.run": {
      request: StepThroughRequestSchema,
      response: z.object({ result: StepThroughResultSchema }),
      summary: "One forward and backward pass with every value",
    },

    "check.gradients": {
      request: GradCheckRequestSchema,
      response: GradCheckResultSchema,
      summary: "Backprop vs finite differences, per weight",
    },
    "check.overfit": { request: OverfitRequestSchema, response: OverfitResultSchema, summary: "Overfit a tiny batch" },
    "inside.featureMaps": {
      request: InsideFeatureMapsRequestSchema,
      response: InsideFeatureMapsResultSchema,
      summary: "A sample's feature maps and filters",
    },

    "export.readiness": {
      request: ExportReadinessRequestSchema,
      response: ExportReadinessResultSchema,
      summary: "What exports and how",
    },
    "export.run": { request: ExportRunRequestSchema, response: ExportRunResultSchema, summary: "Export + verify" },
    "export.reveal": { request: RevealRequestSchema, response: OkSchema, summary: "Show the exported file" },
  },
  events: {
    "trainer.ready": TrainerReadyEventSchema,
    "trainer.exited": TrainerExitedEventSchema,
    "train.started": TrainStartedEventSchema,
    "train.progress": TrainProgressEventSchema,
    "train.epoch": TrainEpochEventSchema,
    "train.samples": TrainSamplesEventSchema,
    "train.boundary": TrainBoundaryEventSchema,
    "train.telemetry": TrainTelemetryEventSchema,
    "train.checkpoint": TrainCheckpointEventSchema,
    "train.status": TrainStatusEventSchema,
    "train.done": TrainDoneEventSchema,
    "train.error": TrainErrorEventSchema,
    "app.command": AppCommandEventSchema,
    "app.closeRequested": AppCloseRequestedEventSchema,
    "app.openFile": AppOpenFileEventSchema,
  },
});

type Methods = typeof contract.methods;
type Events = typeof contract.events;

export type MethodName = keyof Methods & string;
export type EventName = keyof Events & string;
/** What a caller sends (defaults still optional). */
export type RequestOf<M extends MethodName> = z.input<Methods[M]["request"]>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]["request"]>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]["response"]>;
export type EventOf<E extends EventName> = z.output<Events[E]>;

export const METHOD_NAMES = contract.methodNames;
export const EVENT_NAMES = contract.eventNames;

export { ApiError, type ApiErrorCode, type ApiErrorShape, isApiError } from "./errors";
