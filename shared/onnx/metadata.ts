import type { ReadinessReport } from "./result";

/**
 * ONNX metadata_props that NetForge writes, so a file runs without NetForge: what to do to raw
 * inputs, what the outputs mean, and where the model came from. Values are strings; the *_json
 * ones hold JSON. Keys are absent when unknown (no run, no class names).
 *
 * - netforge.version: the NetForge version that wrote the file.
 * - netforge.run_id: the training run (absent for a project exported with fresh weights).
 * - netforge.project: the project's name.
 * - netforge.weights: "checkpoint best", "checkpoint last" or "untrained (fresh initialisation)".
 * - netforge.class_names: JSON array; output unit i (or class id i) is class_names[i]. For one
 *   sigmoid unit, the probability of class_names[1].
 * - netforge.preprocessing: JSON, the run's data preprocessing as saved with it (table statistics,
 *   vocabulary, image size and channel statistics, series scaling; {"kind":"none"} for inline data
 *   that is fed as given).
 * - netforge.normalization: JSON { input, formula, scale, mean, std }, present when the input
 *   preprocessing is affine per feature (images, IDX, all-numeric tables):
 *   model_input = (raw * scale - mean) / std, mean and std indexed by the last axis (channel or
 *   feature). Raw images are HWC pixels in 0..255 after resizing.
 * - netforge.approximations: JSON array of { node, kind, status, reason } for every node the file
 *   computes differently from training (approximated or dropped; see shared/onnx/readiness.ts).
 * - netforge.inputs: "raw" (the file holds the preprocessing: it takes the user's columns, pixels,
 *   windows or token ids) or "preprocessed" (a bare network: the user must preprocess).
 * - netforge.expects: bare files only, one sentence: "expects preprocessed inputs: ..." and the steps.
 * - netforge.transform: bare files only, JSON { <input or output name>: the exact transform } with
 *   the formula and numbers (table columns with fill, center, scale, categories; image mean and
 *   std; series offsets and scales; the vocabulary file; how outputs become classes).
 * - netforge.threshold: binary classifiers, the probability above which the label is class 1.
 * - netforge.vocabulary_file: text models, the JSON file beside the model with the vocabulary and
 *   tokenizer settings (token ids are the file's inputs).
 */
export const METADATA_KEYS = {
  version: "netforge.version",
  runId: "netforge.run_id",
  project: "netforge.project",
  weights: "netforge.weights",
  classNames: "netforge.class_names",
  preprocessing: "netforge.preprocessing",
  normalization: "netforge.normalization",
  approximations: "netforge.approximations",
  inputs: "netforge.inputs",
  expects: "netforge.expects",
  transform: "netforge.transform",
  threshold: "netforge.threshold",
  vocabularyFile: "netforge.vocabulary_file",
} as const;

export interface Normalization {
  /** The ONNX input it applies to. */
  input: string;
  formula: string;
  scale: number;
  mean: number[];
  std: number[];
}

export interface MetadataInput {
  version: string;
  runId: string | null;
  project: string;
  weights: string;
  classNames: readonly string[] | null;
  preprocessing: unknown;
  normalization: Normalization | null;
  readiness: ReadinessReport;
}

export function exportMetadata(m: MetadataInput): Record<string, string> {
  const out: Record<string, string> = {
    [METADATA_KEYS.version]: m.version,
    [METADATA_KEYS.project]: m.project,
    [METADATA_KEYS.weights]: m.weights,
  };
  if (m.runId) out[METADATA_KEYS.runId] = m.runId;
  if (m.classNames && m.classNames.length > 0) out[METADATA_KEYS.classNames] = JSON.stringify(m.classNames);
  if (m.preprocessing !== undefined && m.preprocessing !== null)
    out[METADATA_KEYS.preprocessing] = JSON.stringify(m.preprocessing);
  if (m.normalization) out[METADATA_KEYS.normalization] = JSON.stringify(m.normalization);
  const changed = m.readiness.nodes
    .filter((n) => n.status === "approximated" || n.status === "dropped")
    .map((n) => ({ node: n.name, kind: n.kind, status: n.status, reason: n.reason }));
  if (changed.length > 0) out[METADATA_KEYS.approximations] = JSON.stringify(changed);
  return out;
}

const FORMULA = "model_input = (raw * scale - mean) / std, mean and std indexed by the last axis";

/**
 * The input normalization of a run as one affine map per feature or channel, when it is one:
 * images (unit scaling, optionally standardized per channel), IDX pixels, and tables whose
 * features are all numeric (standardized or min-max scaled: x' = (x - center) / scale). Null for
 * anything else (categories, vocabularies, series windows, data fed as given).
 */
export function normalizationOf(input: string, preprocessing: unknown, source: unknown): Normalization | null {
  const p = preprocessing as Record<string, unknown> | null | undefined;
  const s = source as Record<string, unknown> | null | undefined;
  const affine = (scale: number, mean: number[], std: number[]): Normalization => ({
    input,
    formula: FORMULA,
    scale,
    mean,
    std,
  });
  if (p?.kind === "imageFolder") {
    const stats = p.stats as { mean?: number[]; std?: number[] } | null;
    const channels = (p.shape as number[] | undefined)?.at(-1) ?? 1;
    if (stats?.mean && stats.std) return affine(1 / 255, stats.mean, stats.std);
    return affine(1 / 255, new Array(channels).fill(0), new Array(channels).fill(1));
  }
  if (p?.kind === "table") {
    const stats = p.stats as { features?: { type: string; center: number; scale: number }[] } | undefined;
    const features = stats?.features ?? [];
    const names = (p.featureNames as string[] | undefined) ?? [];
    if (features.length === 0 || features.length !== names.length) return null;
    if (!features.every((f) => f.type === "numeric")) return null;
    return affine(
      1,
      features.map((f) => f.center),
      features.map((f) => f.scale),
    );
  }
  if (!p && s?.kind === "idx") return s.scale === "none" ? null : affine(1 / 255, [0], [1]);
  return null;
}
