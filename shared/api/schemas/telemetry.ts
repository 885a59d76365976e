import { z } from "zod";
import { TelemetryRecordSchema } from "../../training/telemetry";
import { RunIdSchema } from "./common";
import { RunGetRequestSchema } from "./training";

/**
 * Per-layer training telemetry over the API: the live event (one record per recorded epoch, on the
 * same channel as the curves) and `runs.telemetry`, a run's telemetry.jsonl read back.
 */
export const TrainTelemetryEventSchema = z.object({ runId: RunIdSchema, record: TelemetryRecordSchema });

export const RunTelemetryRequestSchema = RunGetRequestSchema;
export const RunTelemetryResultSchema = z.object({
  /** Empty when the run recorded none (telemetry off, or a run kept in memory only). */
  records: z.array(TelemetryRecordSchema),
  /** Lines of the file that did not parse (a torn last line of a killed trainer), left out. */
  skipped: z.number().int(),
});
