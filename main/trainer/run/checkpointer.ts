import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import type { CheckpointsConfig } from "../../../shared/training/config";
import { BestTracker } from "./best";
import { saveModel } from "./checkpoint";

/** Checkpoints are written at most this often while training (always at the end). */
const MIN_INTERVAL_MS = 2_000;

/**
 * Best and last checkpoints in `<runDir>/checkpoints/{best,last}`, in the tfjs layers format.
 * Tiny models finish an epoch in milliseconds, so writes are throttled: the best weights are kept
 * in memory when they improve and written with the next flush; `finish` writes whatever is pending.
 */
export class Checkpointer {
  private readonly best: BestTracker;
  private lastFlush = 0;
  private pending = { last: -1, best: -1 };

  constructor(
    private readonly runDir: string | undefined,
    private readonly config: CheckpointsConfig,
    monitor: string,
    private readonly post: (m: TrainerMessage) => void,
    private readonly runId: string,
  ) {
    this.best = new BestTracker(monitor, 0, Boolean(runDir && config.best));
  }

  async epochEnd(model: tf.LayersModel, epoch: number, metrics: Record<string, number | null>): Promise<void> {
    if (!this.runDir) return;
    if (this.config.last) this.pending.last = epoch;
    if (this.config.best && this.best.update(metrics, epoch, model)) this.pending.best = epoch;
    if (Date.now() - this.lastFlush >= MIN_INTERVAL_MS) await this.flush(model);
  }

  async finish(model: tf.LayersModel, epoch: number): Promise<void> {
    if (!this.runDir) return;
    if (this.config.last) this.pending.last = Math.max(epoch, 0);
    await this.flush(model);
    this.best.dispose();
  }

  private async flush(model: tf.LayersModel): Promise<void> {
    const dir = this.runDir as string;
    this.lastFlush = Date.now();
    if (this.pending.best >= 0 && this.best.weights) {
      const path = join(dir, "checkpoints", "best");
      await saveModel(model, path, this.best.weights, this.pending.best + 1);
      this.post({ type: "checkpoint", runId: this.runId, kind: "best", epoch: this.pending.best, path });
      this.pending.best = -1;
    }
    if (this.pending.last >= 0) {
      const path = join(dir, "checkpoints", "last");
      await saveModel(model, path, undefined, this.pending.last + 1);
      this.post({ type: "checkpoint", runId: this.runId, kind: "last", epoch: this.pending.last, path });
      this.pending.last = -1;
    }
  }
}
