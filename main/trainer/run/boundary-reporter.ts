import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { LIVE_BOUNDARY_FILE, type LiveBoundary } from "../../../shared/api/schemas/boundary";
import type { TrainerMessage, TrainerRequest } from "../../../shared/trainer/protocol";
import type { TrainingConfig } from "../../../shared/training/config";
import { writeFileAtomic } from "../../services/atomic-write";
import type { Perceptron } from "../layers/perceptron";
import { BoundaryBudget } from "./boundary-budget";
import type { PreparedData } from "./data";
import { boundarySource, liveBoundary } from "./live-boundary";

export interface BoundaryReporter {
  /** After epoch `epoch` (0-based): the boundary when the budget allows, posted and saved. */
  epochEnd(model: tf.LayersModel, epoch: number, last: boolean): Promise<void>;
  /** At the run's end, however it ended: saves the last boundary if it is not on disk yet. */
  finish(): Promise<void>;
  readonly budget: BoundaryBudget;
}

type Start = Extract<TrainerRequest, { type: "start" }>;

/** Wall time between two saves of boundary.json while a run trains (each save syncs the disk). */
const SAVE_EVERY_MS = 5000;

/**
 * The live decision boundary of a run on two-feature data, or null for other data. Streamed as a
 * `boundary` message beside the epoch curves; the last one is saved as the run's boundary.json
 * (every few seconds while it trains, and when it ends).
 */
export function boundaryReporter(
  data: PreparedData,
  config: TrainingConfig,
  run: { runId: string; runDir?: string; post: (m: TrainerMessage) => void; data?: Start["data"] },
  perceptron: Perceptron | null = null,
  now?: () => number,
): BoundaryReporter | null {
  const src = boundarySource(data, config, inlineClassNames(run.data));
  if (!src) return null;
  const budget = new BoundaryBudget(now);
  let unsaved: LiveBoundary | null = null;
  let savedAt = Number.NEGATIVE_INFINITY;
  const save = async () => {
    if (!unsaved || !run.runDir) return;
    const text = JSON.stringify(unsaved);
    unsaved = null;
    savedAt = budget.elapsedMs;
    await writeFileAtomic(join(run.runDir, LIVE_BOUNDARY_FILE), text);
  };
  return {
    budget,
    async epochEnd(model, epoch, last) {
      if (!budget.due(last)) return;
      await budget.measure(async () => {
        unsaved = liveBoundary(model, config, src, epoch + 1, perceptron);
        run.post({ type: "boundary", runId: run.runId, boundary: unsaved });
        if (last || budget.elapsedMs - savedAt >= SAVE_EVERY_MS) await save();
      });
    },
    finish: () => budget.measure(save),
  };
}

/** Class names of inline data, given directly or as a spec's inline source (tables bring theirs). */
function inlineClassNames(data: Start["data"] | undefined): string[] | undefined {
  if (!data) return undefined;
  if ("kind" in data) return data.classNames;
  return data.source.kind === "inline" ? data.source.classNames : undefined;
}
