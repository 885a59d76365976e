import type { ReadinessReport } from "../../shared/onnx/result";

/**
 * Why an export did not produce a file: the source cannot be read, the graph cannot be exported
 * (with its readiness report), or the trainer refused or died. `internal` marks NetForge's own
 * failures (exit code 2 in the CLI); everything else is the user's to fix (exit code 1).
 */
export class ExportError extends Error {
  override name = "ExportError";
  constructor(
    readonly code: string,
    message: string,
    readonly options: { readiness?: ReadinessReport; internal?: boolean } = {},
  ) {
    super(message);
  }

  get internal(): boolean {
    return this.options.internal === true;
  }
}
