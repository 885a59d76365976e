import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveSourcePaths } from "../../../shared/datasets/paths";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { type RunHandle, startRun } from "../run/fit";

export const TEMPLATES_DIR = join(import.meta.dirname, "../../../resources/templates");

/** A starter template's project document (resources/templates/<name>.netforge.json). */
export function template(name: string) {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, `${name}.netforge.json`), "utf8"));
}

/**
 * A template's data as the trainer reads it: inline samples as they are, a dataset spec with its
 * file paths (relative to the templates folder) made absolute, as the gallery's "open" does.
 */
export function templateData<T>(data: T): T {
  if (data === null || typeof data !== "object" || "kind" in data) return data;
  return resolveSourcePaths(data as unknown as DatasetSpec, (p) =>
    p.startsWith("/") ? p : join(TEMPLATES_DIR, p),
  ) as T;
}

/**
 * Trains a template in-process (no trainer process), with training settings overridden, and
 * collects every message the run posted. The caller disposes the handle.
 */
export async function runTemplate(name: string, training: Record<string, unknown> = {}) {
  const t = template(name);
  const { handle, messages } = await runStart({
    runId: name,
    graph: t.graph,
    training: { ...t.training, ...training },
    data: templateData(t.data),
  });
  return {
    handle,
    messages,
    errors: messages.filter((m) => m.type === "error"),
    epochs: messages.flatMap((m) => (m.type === "epoch" ? [m.metrics] : [])),
    done: messages.find((m) => m.type === "done"),
  };
}

/**
 * Runs a start request in-process (graph, settings and data as a test writes them, unchecked
 * here: startRun validates them) and collects every message it posted. The caller disposes.
 */
export async function runStart(req: { runId: string; graph: unknown; training: unknown; data: unknown }) {
  const messages: TrainerMessage[] = [];
  const handle: RunHandle = startRun({ type: "start", ...req } as Parameters<typeof startRun>[0], (m) =>
    messages.push(m),
  );
  await handle.finished;
  return { handle, messages };
}
