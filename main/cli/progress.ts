import type { TrainerMessage } from "../../shared/trainer/protocol";

/**
 * Renders training messages for a terminal: one progress bar per epoch, redrawn in place, with
 * the batch counter, ETA and the latest loss; each finished epoch stays on its own line.
 */
export function ttyProgress(write: (text: string) => void, tty = true) {
  let epochStart = Date.now();
  let lastEpoch = -1;
  return (m: TrainerMessage): void => {
    if (!tty) {
      plainProgress(write, m);
      return;
    }
    if (m.type === "progress") {
      if (m.epoch !== lastEpoch) {
        lastEpoch = m.epoch;
        epochStart = Date.now();
      }
      const done = m.batch / Math.max(m.batchesPerEpoch, 1);
      const width = 24;
      const bar = "#".repeat(Math.round(done * width)).padEnd(width, ".");
      const elapsed = (Date.now() - epochStart) / 1000;
      const eta = done > 0 ? elapsed / done - elapsed : 0;
      write(
        `\r  epoch ${m.epoch + 1} [${bar}] ${m.batch}/${m.batchesPerEpoch}  loss ${fmt(m.loss)}  ETA ${eta.toFixed(1)}s  ${Math.round(m.samplesPerSecond)} samples/s\x1b[K`,
      );
    } else if (m.type === "epoch") {
      const metrics = Object.entries(m.metrics)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join("  ");
      write(`\r  epoch ${m.epoch + 1}/${m.epochs}  ${metrics}  (${(m.durationMs / 1000).toFixed(1)}s)\x1b[K\n`);
    } else if (m.type === "checkpoint") {
      // quiet on a terminal: the final line names the run folder
    } else if (m.type === "done") {
      write(`\r\x1b[K${m.reason === "completed" ? "done" : m.reason}${m.message ? `: ${m.message}` : ""}\n`);
    } else if (m.type === "error") {
      write(`\r\x1b[Kerror ${m.code}: ${m.message}\n`);
    }
  };
}

/** Not a terminal (a log file, CI): no redrawn bars, and about 20 epoch lines however long the run. */
function plainProgress(write: (text: string) => void, m: TrainerMessage): void {
  if (m.type === "epoch") {
    const every = Math.max(1, Math.ceil(m.epochs / 20));
    if ((m.epoch + 1) % every !== 0 && m.epoch + 1 !== m.epochs) return;
    const metrics = Object.entries(m.metrics)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join("  ");
    write(`epoch ${m.epoch + 1}/${m.epochs}  ${metrics}\n`);
  } else if (m.type === "done") {
    write(`${m.reason === "completed" ? "done" : m.reason}${m.message ? `: ${m.message}` : ""}\n`);
  } else if (m.type === "error") {
    write(`error ${m.code}: ${m.message}\n`);
  }
}

/** The `--json` form: one object per line, Keras-style metric names flattened into the event. */
export function jsonEvent(m: TrainerMessage): Record<string, unknown> | null {
  switch (m.type) {
    case "progress":
      return { event: "progress", epoch: m.epoch + 1, batch: m.batch, batches: m.batchesPerEpoch, loss: m.loss };
    case "epoch":
      return { event: "epoch", epoch: m.epoch + 1, epochs: m.epochs, ...m.metrics, durationMs: m.durationMs };
    case "checkpoint":
      return { event: "checkpoint", kind: m.kind, epoch: m.epoch + 1, path: m.path };
    case "error":
      return { event: "error", code: m.code, message: m.message };
    default:
      return null;
  }
}

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return "-";
  return Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}
