/**
 * `npm run bench:telemetry [-- name ...]`: what per-layer telemetry costs. Each bundled template
 * (or the named ones) trains for a few epochs with its own settings, telemetry off and on, runs
 * alternating so that a machine slowing down weighs on both alike; the median of REPEATS runs of
 * each, as samples per second, and the ratio on/off. Runs write into a temporary run folder, as
 * the app's do (telemetry.jsonl included). Not part of `npm test`: minutes, machine-dependent.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseProject } from "../../../shared/ir/load";
import { inferGraph } from "../../../shared/shapes/infer";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { runSettings } from "../../services/run-settings";
import { startRun } from "../run/fit";
import { template, templateData } from "../testing/run-template";
// Not a React hook: the alias keeps the hooks lint rule from reading it as one.
import { useBackend as selectBackend } from "../testing/tf-setup";

const DEFAULT = ["xor", "iris", "regression", "mlp-4-3-2-1", "digits-cnn", "rnn-lstm", "ae-basic"];
const EPOCHS = Number(process.env.NETFORGE_BENCH_EPOCHS ?? 20);
const REPEATS = 5;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function samplesPerSecond(name: string, telemetry: boolean): Promise<{ rate: number; records: number }> {
  const parsed = parseProject(template(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  const project = parsed.value;
  const data = templateData(project.data) as never;
  const settings = await runSettings(inferGraph(project.graph), project.training, data);
  const runDir = mkdtempSync(join(tmpdir(), "netforge-bench-telemetry-"));
  const training = { ...settings.training, epochs: EPOCHS, seed: 1, telemetry: { enabled: telemetry } };
  // Timed from the first batch to the end (compiling and preparing data are the same either way),
  // in CPU time of this process: on a machine shared with other jobs wall time varies by 30% from
  // run to run, CPU time of the single-threaded wasm backend much less.
  let first = 0;
  let last = 0;
  const messages: TrainerMessage[] = [];
  const handle = startRun(
    { type: "start", runId: name, graph: project.graph, training, data: settings.data, runDir } as Parameters<
      typeof startRun
    >[0],
    (m) => {
      if (m.type === "progress" && first === 0) first = cpuMs();
      last = cpuMs();
      messages.push(m);
    },
  );
  await handle.finished;
  handle.dispose();
  rmSync(runDir, { recursive: true, force: true });
  const done = messages.find((m) => m.type === "done" || m.type === "error");
  if (done?.type !== "done") throw new Error(`${name}: ${done?.type === "error" ? done.message : "no result"}`);
  const batchSize = Number((training as { batchSize?: number }).batchSize ?? 32);
  // The first batch ends before the clock starts.
  const samples = (done.steps - 1) * Math.min(batchSize, sampleCountOf(settings.data));
  return { rate: samples / ((last - first) / 1000), records: messages.filter((m) => m.type === "telemetry").length };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Samples of inline data (a batch is never bigger); large for file data, where batches are full. */
function sampleCountOf(data: unknown): number {
  const x = (data as { x?: unknown[] }).x;
  return Array.isArray(x) ? x.length : Number.POSITIVE_INFINITY;
}

async function main() {
  await selectBackend("wasm");
  const names = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
  const rows = [["template", "off samples/s", "on samples/s", "on/off", "records"]];
  for (const name of names) {
    await samplesPerSecond(name, false); // warm-up: kernels compiled, data cached
    const off: number[] = [];
    const on: number[] = [];
    let records = 0;
    for (let r = 0; r < REPEATS; r++) {
      off.push((await samplesPerSecond(name, false)).rate);
      const withTelemetry = await samplesPerSecond(name, true);
      on.push(withTelemetry.rate);
      records = withTelemetry.records;
    }
    const row = [
      name,
      median(off).toFixed(0),
      median(on).toFixed(0),
      (median(on) / median(off)).toFixed(3),
      String(records),
    ];
    rows.push(row);
    console.log(row.join("\t"));
  }
  console.log(
    `\nwasm backend, ${EPOCHS} epochs per run, median of ${REPEATS} alternating runs (samples trained / CPU seconds of the process):`,
  );
  console.log(rows.map((r) => r.map((c) => c.padEnd(16)).join("")).join("\n"));
}

await main();
