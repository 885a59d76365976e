import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { TELEMETRY_FILE, TELEMETRY_MAX_BYTES, type TelemetryConfig } from "../../../shared/training/telemetry";
import type { LossFn } from "../train/losses";
import { type Probe, recordTelemetry, sampleBatch, telemetryProbe } from "./telemetry";
import type { NormHistory } from "./telemetry-stats";

/** Share of the training time telemetry may take: keeps the cost under 10% of throughput. */
export const TELEMETRY_TIME_SHARE = 0.05;

/**
 * When to record, where to write, what to stream. An epoch is recorded when
 *  - it is the first or the last (the starting point and the end state are always there),
 *  - it falls on the stride that lets the whole run fit in TELEMETRY_MAX_BYTES (measured on the
 *    first record: a big model records fewer epochs, never a bigger file), and
 *  - telemetry so far took under TELEMETRY_TIME_SHARE of the training time (a tiny model whose
 *    epoch is one batch would otherwise spend more time recording than training).
 * The file never passes TELEMETRY_MAX_BYTES: a record that would is not written, and recording ends.
 */
export class TelemetryRecorder {
  private probe: Probe | null = null;
  private sample: { x: tf.Tensor[]; y: tf.Tensor[] } | null = null;
  private readonly history = new Map<string, NormHistory>();
  private stride = 1;
  private records = 0;
  private bytes = 0;
  private spentMs = 0;
  private full = false;
  private recording = false;
  private readonly started = performance.now();

  constructor(
    private readonly model: tf.LayersModel,
    private readonly loss: LossFn,
    private readonly config: TelemetryConfig,
    private readonly epochs: number,
    private readonly runId: string,
    private readonly runDir: string | undefined,
    private readonly post: (m: TrainerMessage) => void,
    /** The file's bound and the time share: parameters so that a test can isolate each rule. */
    private readonly limits = { maxBytes: TELEMETRY_MAX_BYTES, timeShare: TELEMETRY_TIME_SHARE },
  ) {}

  /** Decides whether epoch (0-based) is recorded, given the time spent so far. */
  epochStart(epoch: number): void {
    const trainingMs = performance.now() - this.started;
    this.recording =
      !this.full &&
      (this.records === 0 ||
        epoch === this.epochs - 1 ||
        (epoch % this.stride === 0 && this.spentMs < this.limits.timeShare * trainingMs));
  }

  /** Keeps a copy of a recorded epoch's first batch to compute activations and gradients on. */
  capture(x: tf.Tensor | tf.Tensor[], y: tf.Tensor | tf.Tensor[]): void {
    if (!this.recording || this.sample) return;
    this.sample = { x: sampleBatch(x), y: sampleBatch(y) };
  }

  /** Records epoch (0-based) on the captured batch with the weights as they are now. */
  async epochEnd(epoch: number): Promise<void> {
    const sample = this.sample;
    if (!sample) return;
    this.sample = null;
    const started = performance.now();
    try {
      const record = this.compute(sample, epoch);
      if (!record) return;
      const line = `${JSON.stringify(record)}\n`;
      const size = Buffer.byteLength(line);
      if (this.bytes + size > this.limits.maxBytes) {
        this.full = true;
        return;
      }
      if (this.records === 0)
        this.stride = Math.max(1, Math.ceil(this.epochs / Math.max(1, Math.floor(this.limits.maxBytes / size) - 1)));
      this.records++;
      this.bytes += size;
      if (this.runDir) await appendFile(join(this.runDir, TELEMETRY_FILE), line);
      this.post({ type: "telemetry", runId: this.runId, record });
    } finally {
      for (const t of [...sample.x, ...sample.y]) t.dispose();
      this.spentMs += performance.now() - started;
    }
  }

  /**
   * A model the probe cannot be built for, or whose sampled pass fails, must not end the training
   * it observes: recording stops, and the reason goes to the trainer's log.
   */
  private compute(sample: { x: tf.Tensor[]; y: tf.Tensor[] }, epoch: number) {
    try {
      this.probe ??= telemetryProbe(this.model);
      return recordTelemetry(this.probe, sample.x, sample.y, this.loss, epoch + 1, this.history, this.config);
    } catch (error) {
      this.full = true;
      console.warn(`per-layer telemetry stopped at epoch ${epoch + 1}: ${(error as Error).message}`);
      return null;
    }
  }

  dispose(): void {
    if (this.sample) for (const t of [...this.sample.x, ...this.sample.y]) t.dispose();
    this.sample = null;
    // The probe shares the model's layers and weights: nothing of its own to free.
  }
}
