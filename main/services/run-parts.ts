import { DatasetSpecSchema } from "../../shared/datasets/spec";
import type { EVALUATION_SPLITS } from "../../shared/evaluation/report";
import { ganMarkers } from "../../shared/ir/gan";

export type RunPart = (typeof EVALUATION_SPLITS)[number];

/**
 * The parts of a run's data split that exist, in the order Evaluate offers them: validation when
 * the run validated (its history has val_ metrics), test when its dataset spec holds one out, and
 * the training part. A GAN trains on all of its data: only the training part. The Evaluate tab
 * offers only these, and the host refuses a part that is not among them.
 */
export function runParts(record: Record<string, unknown> | null, history: readonly object[]): RunPart[] {
  if (record && ganMarkers(record.graph)) return ["train"];
  const parts: RunPart[] = [];
  if (history.some((row) => "val_loss" in row)) parts.push("validation");
  if (holdsTestPart(record)) parts.push("test");
  parts.push("train");
  return parts;
}

/** run.json keeps a dataset spec in full (inline samples by count only, and they have no test part). */
function holdsTestPart(record: Record<string, unknown> | null): boolean {
  const data = record?.data as { spec?: unknown } | undefined;
  const spec = DatasetSpecSchema.safeParse(data?.spec);
  return spec.success && spec.data.source.kind !== "inline" && spec.data.split.test > 0;
}

/** "validation, test and training" */
export function partsText(parts: readonly RunPart[]): string {
  const names = parts.map((p) => (p === "train" ? "training" : p));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "none");
}
