import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { FolderAccess } from "./access";
import { ExportError, exportRun } from "./export";
import type { RunsService } from "./runs";
import type { TrainerPool } from "./trainer-pool";

/**
 * The Export tab's `export.run`: a saved run's checkpoint through H1's exportRun (ONNX or tfjs,
 * verified), on this host's trainer, written only inside an opened folder.
 */
export class ExportsService {
  constructor(
    private readonly folders: FolderAccess,
    private readonly runs: RunsService,
    private readonly trainer: () => TrainerPool,
  ) {}

  async run(req: ParsedRequestOf<"export.run">): Promise<ResponseOf<"export.run">> {
    const { stored, live } = await this.runs.find(req, req.runId);
    if (!stored.runDir) {
      throw new ApiError("E_NO_RUN", `run "${req.runId}" has no folder; save the project and train again to export it`);
    }
    if (live && (live.status === "running" || live.status === "paused")) {
      throw new ApiError("E_BUSY", `run "${req.runId}" is still training; stop it or wait for it to finish`);
    }
    const out = await this.folders.check(req.out, "write");
    try {
      const result = await exportRun({
        runDir: stored.runDir,
        format: req.format,
        out,
        verify: req.verify,
        keepOnFailure: req.keepOnFailure,
        discriminator: req.discriminator,
        inputs: req.inputs,
        tableInputs: req.tableInputs,
        readable: (path) => this.folders.checkTree(path, "read"),
        trainer: () => this.trainer().get(),
      });
      return { result };
    } catch (error) {
      if (error instanceof ExportError) {
        throw new ApiError(error.internal ? "E_INTERNAL" : "E_EXPORT", error.message, error.options.readiness);
      }
      throw error;
    }
  }
}
