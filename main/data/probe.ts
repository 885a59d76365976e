import type { DatasetSpec } from "../../shared/datasets/spec";
import { stratifiedCounts } from "../../shared/datasets/split-indices";
import type { DatasetSummary } from "../../shared/datasets/summary";
import { validationWarning } from "../../shared/training/validation";
import { probeIdx } from "./idx/probe";
import { probeImageFolder } from "./image-folder/probe";
import { probeInline } from "./inline-probe";
import { probeNpy } from "./npy/probe";
import { probeSeries } from "./series/probe";
import { probeTable } from "./table/probe";
import { probeSentencePairs, probeText } from "./text/probe";

/**
 * A quick summary of any data source, without the trainer (no TensorFlow.js in the host), with
 * the class balance of each part of the spec's split when the split is stratified (inline samples:
 * the trainer's last-fraction split), and a W_VALIDATION_* warning when the validation fraction
 * holds out no sample, or none of some class.
 */
export async function probeSource(spec: DatasetSpec): Promise<DatasetSummary> {
  const summary = withSplits(spec, await probeOnly(spec));
  // Inline samples with their own validation set are not split at all.
  if (summary.estimated || (spec.source.kind === "inline" && spec.source.validation)) return summary;
  const fraction = spec.split.validation;
  const perClass = summary.splits?.validation ?? null;
  // An unstratified split rounds the whole set's share, as splitIndices does.
  const held = perClass ? perClass.reduce((a, b) => a + b, 0) : Math.round(summary.rows * fraction);
  const names = summary.classes.map((c) => c.name);
  const warning = validationWarning(fraction, summary.rows, held, perClass, names);
  return warning ? { ...summary, warnings: [...summary.warnings, warning] } : summary;
}

function withSplits(spec: DatasetSpec, summary: DatasetSummary): DatasetSummary {
  if (summary.splits || !spec.split.stratify || summary.classes.length === 0 || summary.estimated) return summary;
  return {
    ...summary,
    splits: stratifiedCounts(
      summary.classes.map((c) => c.count),
      spec.split,
    ),
  };
}

async function probeOnly(spec: DatasetSpec): Promise<DatasetSummary> {
  const s = spec.source;
  switch (s.kind) {
    case "table":
      return probeTable(s);
    case "imageFolder":
      return probeImageFolder(s);
    case "idx":
      return probeIdx(s);
    case "npy":
      return probeNpy(s);
    case "text":
      return probeText(s);
    case "sentencePairs":
      return probeSentencePairs(s);
    case "timeSeries":
      return probeSeries(s);
    case "inline":
      return probeInline(s, spec.split.validation);
  }
}
