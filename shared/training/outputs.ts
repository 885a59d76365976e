import { type Diagnostic, diagnostic } from "../diagnostics";
import type { GraphAnalysis } from "../shapes/infer";
import { isGanGraph } from "./gan-losses";

/**
 * Training fits one target per sample to one output. A graph with several outputs is a valid graph
 * (it exports, and the editor only warns while it is being built), but no data source gives
 * targets per output, so a project that trains it is refused up front, naming the outputs, instead
 * of failing at the first batch. A GAN's two markers are its pair, checked by E_GAN_PAIR.
 */
export function multipleOutputsError(analysis: GraphAnalysis): Diagnostic | null {
  if (isGanGraph(analysis) || analysis.outputs.length <= 1) return null;
  const list = analysis.outputs.map((id) => `"${id}"`).join(", ");
  return diagnostic(
    "E_TRAIN_OUTPUTS",
    `training needs a model with exactly one output; this one has ${analysis.outputs.length} (${list}). Merge them into one (Add or Concatenate, then the output layer) or delete the unfinished ones`,
  );
}
