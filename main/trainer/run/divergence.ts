import type { TrainerMessage } from "../../../shared/trainer/protocol";

type Metrics = Record<string, number | null>;

/**
 * The protocol carries finite numbers or null: its schema rejects NaN and Infinity, and the host
 * drops a message that fails it. A diverging model's metrics overflow float32 (a validation loss of
 * Infinity), and the epoch and done messages carrying them used to vanish, so the host waited for
 * a `done` forever. Every message a run posts goes through here; a non-finite value becomes null
 * ("no value"), and the run's own message says what it was.
 */
export function finiteMessage(m: TrainerMessage): TrainerMessage {
  switch (m.type) {
    case "epoch":
    case "done":
      return Object.values(m.metrics).every(finiteOrNull) ? m : { ...m, metrics: finiteMetrics(m.metrics) };
    case "progress":
      return finiteOrNull(m.loss) ? m : { ...m, loss: null };
    default:
      return m;
  }
}

export function finiteMetrics(metrics: Metrics): Metrics {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, finiteOrNull(v) ? v : null]));
}

/** The first loss (loss, val_loss, an output's loss) of an epoch's metrics that is NaN or infinite. */
export function nonFiniteLoss(metrics: Metrics): { name: string; value: number } | null {
  for (const [name, value] of Object.entries(metrics))
    if (/(^|_)loss$/.test(name) && typeof value === "number" && !Number.isFinite(value)) return { name, value };
  return null;
}

/** e.g. "the loss became NaN at epoch 2, batch 1 (learning rate 10): the gradients exploded. ..." */
export function divergedMessage(what: string, value: number, at: string, learningRate: number): string {
  return `${what} became ${value} ${at} (learning rate ${learningRate}): the gradients exploded. Lower the learning rate or enable gradient clipping.`;
}

function finiteOrNull(v: number | null): boolean {
  return v === null || Number.isFinite(v);
}
