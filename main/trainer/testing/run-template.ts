import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { type RunHandle, startRun } from "../run/fit";

/** A starter template's project document (resources/templates/<name>.netforge.json). */
export function template(name: string) {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../resources/templates/${name}.netforge.json`), "utf8"),
  );
}

/**
 * Trains a template in-process (no trainer process), with training settings overridden, and
 * collects every message the run posted. The caller disposes the handle.
 */
export async function runTemplate(name: string, training: Record<string, unknown> = {}) {
  const t = template(name);
  const messages: TrainerMessage[] = [];
  const handle: RunHandle = startRun(
    { type: "start", runId: name, graph: t.graph, training: { ...t.training, ...training }, data: t.data },
    (m) => messages.push(m),
  );
  await handle.finished;
  return {
    handle,
    messages,
    errors: messages.filter((m) => m.type === "error"),
    epochs: messages.flatMap((m) => (m.type === "epoch" ? [m.metrics] : [])),
    done: messages.find((m) => m.type === "done"),
  };
}
