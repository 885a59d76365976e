import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TELEMETRY_FILE, type TelemetryRecord, TelemetryRecordSchema } from "../../shared/training/telemetry";

/**
 * A run folder's telemetry.jsonl. null when the run recorded none. A line that does not parse
 * (the last one of a trainer killed mid-write, say) is counted in `skipped`, not fatal: the
 * records before it are intact.
 */
export async function readTelemetry(runDir: string): Promise<{ records: TelemetryRecord[]; skipped: number } | null> {
  let text: string;
  try {
    text = await readFile(join(runDir, TELEMETRY_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const records: TelemetryRecord[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(TelemetryRecordSchema.parse(JSON.parse(line)));
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}
