import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { GradCheckReportSchema, OverfitReportSchema } from "../../shared/trainer/checks";
import { modelDirOf } from "./inference";
import type { RunsService } from "./runs";
import type { TrainerPool } from "./trainer-pool";
import type { TrainingService } from "./training";

/** The trainer's requests carry a run id; the checks make no run, so they share this one. */
const CHECK_RUN = "debug-check";

/**
 * The debugging checks (gradient check, overfit a tiny batch), run by the trainer on a fresh copy
 * of the project's model with its settings and data resolved as training would: nothing is saved.
 */
export class ChecksService {
  constructor(
    private readonly training: TrainingService,
    private readonly runs: RunsService,
    private readonly trainer: () => TrainerPool,
  ) {}

  async gradients(req: ParsedRequestOf<"check.gradients">): Promise<ResponseOf<"check.gradients">> {
    const subject = await this.subject(req);
    // A run's weights come from its saved checkpoint: a run kept only in memory has none to load.
    const modelDir = req.runId
      ? await modelDirOf((await this.runs.find(req, req.runId)).stored.runDir, req.checkpoint)
      : undefined;
    const value = await this.trainer().request({ type: "gradcheck", ...subject, samples: req.samples, modelDir });
    const report = GradCheckReportSchema.safeParse(value);
    if (!report.success) throw new ApiError("E_INTERNAL", "the trainer's gradient check does not match its schema");
    return { report: report.data };
  }

  async overfit(req: ParsedRequestOf<"check.overfit">): Promise<ResponseOf<"check.overfit">> {
    const subject = await this.subject(req);
    const value = await this.trainer().request({
      type: "overfit",
      ...subject,
      samples: req.samples,
      maxSteps: req.maxSteps,
    });
    const report = OverfitReportSchema.safeParse(value);
    if (!report.success) throw new ApiError("E_INTERNAL", "the trainer's overfit report does not match its schema");
    return { report: report.data };
  }

  private async subject(req: ParsedRequestOf<"check.gradients">) {
    const { training, data } = await this.training.resolve(req.project, req.projectPath);
    return { runId: CHECK_RUN, graph: req.project.graph, training, data };
  }
}
