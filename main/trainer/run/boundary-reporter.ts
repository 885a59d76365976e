import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { LIVE_BOUNDARY_FILE } from "../../../shared/api/schemas/boundary";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import type { TrainingConfig } from "../../../shared/training/config";
import { writeFileAtomic } from "../../services/atomic-write";
import type { Perceptron } from "../layers/perceptron";
import { BoundaryBudget } from "./boundary-budget";
import type { PreparedData } from "./data";
import { boundarySource, liveBoundary } from "./live-boundary";

export interface BoundaryReporter {
  /** After epoch `epoch` (0-based): the boundary when the budget allows, posted and saved. */
  epochEnd(model: tf.LayersModel, epoch: number, last: boolean): Promise<void>;
  readonly budget: BoundaryBudget;
}

/**
 * The live decision boundary of a run on two-feature data, or null for other data. Streamed as a
 * `boundary` message beside the epoch curves; the last one is saved as the run's boundary.json.
 */
export function boundaryReporter(
  data: PreparedData,
  config: TrainingConfig,
  run: { runId: string; runDir?: string; post: (m: TrainerMessage) => void },
  perceptron: Perceptron | null = null,
  now?: () => number,
): BoundaryReporter | null {
  const src = boundarySource(data, config);
  if (!src) return null;
  const budget = new BoundaryBudget(now);
  return {
    budget,
    async epochEnd(model, epoch, last) {
      if (!budget.due(last)) return;
      await budget.measure(async () => {
        const boundary = liveBoundary(model, config, src, epoch + 1, perceptron);
        run.post({ type: "boundary", runId: run.runId, boundary });
        if (run.runDir) await writeFileAtomic(join(run.runDir, LIVE_BOUNDARY_FILE), JSON.stringify(boundary));
      });
    },
  };
}
