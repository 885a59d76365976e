import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { StepThroughResultSchema } from "../../shared/api/schemas/step-through";
import { inferGraph } from "../../shared/shapes/infer";
import { runSettings } from "./run-settings";
import type { TrainerPool } from "./trainer-pool";
import type { TrainingService } from "./training";

/**
 * Step-through of a project as it stands (before any training): the settings and data a run would
 * get (the same defaults as the Train tab), sent to the trainer, which answers with every value.
 */
export class StepThroughService {
  constructor(
    private readonly training: TrainingService,
    private readonly trainer: () => TrainerPool,
  ) {}

  async run(req: ParsedRequestOf<"step.run">): Promise<ResponseOf<"step.run">> {
    const { project, projectPath } = req;
    const data = await this.training.projectData(project, projectPath);
    const { training } = await runSettings(inferGraph(project.graph), project.training, data);
    const value = await this.trainer().request({
      type: "stepThrough",
      runId: "step-through",
      graph: project.graph,
      training,
      data,
      sample: req.sample ?? {},
    });
    const result = StepThroughResultSchema.safeParse(value);
    if (!result.success) throw new ApiError("E_INTERNAL", "the trainer's step-through does not match its schema");
    return { result: result.data };
  }
}
