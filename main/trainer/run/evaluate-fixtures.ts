import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { sequential } from "../../../shared/ir/builder";
import type { TrainerMessage, TrainerRequest } from "../../../shared/trainer/protocol";
import { TEMPLATES_DIR, template, templateData } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { type RunHandle, startRun } from "./fit";

type Start = Extract<TrainerRequest, { type: "start" }>;
export type TrainedRun = Awaited<ReturnType<typeof trainForEval>>;

/**
 * Trains a template (or a given graph and data) in-process into a fresh run folder, with run.json
 * written as `netforge train` writes it, for evaluation and try-it tests. The caller disposes.
 */
export async function trainForEval(
  name: string,
  training: Record<string, unknown> = {},
  override: Partial<Pick<Start, "graph" | "data">> = {},
): Promise<{ handle: RunHandle; start: Start; runDir: string; messages: TrainerMessage[] }> {
  const t = template(name);
  const data = templateData(override.data ?? t.data);
  const runDir = mkdtempSync(join(tmpdir(), `netforge-eval-${name}-`));
  const start: Start = {
    type: "start",
    runId: name,
    graph: override.graph ?? t.graph,
    training: { ...t.training, ...training },
    data,
    runDir,
  };
  // What the CLI records: a dataset spec in full, inline samples by count only.
  const summary =
    "kind" in data
      ? { kind: "inline", samples: data.x.length, from: `template:${name}` }
      : { kind: data.source.kind, from: `template:${name}`, spec: data };
  writeFileSync(
    join(runDir, "run.json"),
    JSON.stringify({
      runId: name,
      source: `template:${name}`,
      graph: start.graph,
      training: start.training,
      data: summary,
    }),
  );
  const messages: TrainerMessage[] = [];
  const handle = startRun(start, (m) => messages.push(m));
  await handle.finished;
  const errors = messages.filter((m) => m.type === "error");
  if (errors.length > 0) throw new Error(`training ${name} failed: ${JSON.stringify(errors)}`);
  return { handle, start, runDir, messages };
}

/**
 * For an evaluation test file, called at its top level: the wasm backend before its tests, and a
 * `trained` that trains as trainForEval does and disposes every run it made after the file's tests.
 */
export function trainedRuns(): typeof trainForEval {
  const handles: RunHandle[] = [];
  beforeAll(() => useBackend("wasm"));
  afterAll(() => {
    for (const h of handles) h.dispose();
  });
  return async (...args) => {
    const r = await trainForEval(...args);
    handles.push(r.handle);
    return r;
  };
}

/** The metrics of the last epoch a run reported: what training measured, the evaluation's oracle. */
export function lastEpoch(messages: TrainerMessage[]): Record<string, number> {
  const e = messages.filter((m) => m.type === "epoch").at(-1);
  if (e?.type !== "epoch") throw new Error("the run reported no epoch");
  return e.metrics as Record<string, number>;
}

/**
 * A forecaster of the bundled seasonal series (lookback 12, horizon 3) for trainForEval's
 * override: a small MLP on the windows, and the series' source with the given options.
 */
export function seasonalForecaster(options: { differencing?: boolean; split: Partial<DatasetSpec["split"]> }) {
  const graph = sequential([12, 1], ["Flatten"], ["Dense", { units: 8, activation: "relu" }], ["Dense", { units: 3 }]);
  const path = join(TEMPLATES_DIR, "../datasets/seasonal-series.csv");
  const source = {
    kind: "timeSeries",
    path,
    target: "value",
    lookback: 12,
    horizon: 3,
    differencing: !!options.differencing,
  };
  return { graph, source, data: { source, split: options.split } as never };
}
