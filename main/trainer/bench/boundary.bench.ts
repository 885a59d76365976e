/**
 * `npm run bench:boundary`: what the live decision boundary costs while training. Trains the
 * two-feature templates (XOR, the perceptrons, car-truck) in-process on the WebAssembly backend
 * into a run folder, counts the boundaries the run streamed, then times one boundary (the 40x40
 * grid from the trained weights) and one save of boundary.json on the same model, and reports
 * boundaries x cost plus the saves against the run's wall time. Not part of `npm test`: timings depend on the machine.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseTrainingConfig } from "../../../shared/training/config";
import { boundaryReporter } from "../run/boundary-reporter";
import { prepareDataset } from "../run/dataset";
import { startRun } from "../run/fit";
import { boundarySource, liveBoundary } from "../run/live-boundary";
import { template, templateData } from "../testing/run-template";
// Not a React hook: the alias keeps the hooks lint rule from reading it as one.
import { useBackend as selectBackend } from "../testing/tf-setup";

async function bench(name: string) {
  const t = template(name);
  const runDir = mkdtempSync(join(tmpdir(), `netforge-boundary-${name}-`));
  const data = templateData(t.data);
  const started = performance.now();
  let boundaries = 0;
  let epochs = 0;
  const handle = startRun({ type: "start", runId: name, graph: t.graph, training: t.training, data, runDir }, (m) => {
    if (m.type === "boundary") boundaries++;
    if (m.type === "epoch") epochs++;
  });
  await handle.finished;
  const wall = performance.now() - started;
  const model = handle.model;
  const compiled = handle.compiled;
  const parsed = parseTrainingConfig(t.training);
  if (!model || !compiled || !parsed.ok) throw new Error(`${name}: the run has no model`);
  const prepared = await prepareDataset(data, compiled, parsed.config);
  if ("train" in prepared) throw new Error(`${name}: streamed data has no live boundary`);
  const src = boundarySource(prepared, parsed.config);
  if (!src) throw new Error(`${name}: not two-feature data`);
  const reps = 30;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) liveBoundary(model, parsed.config, src, i + 1);
  const each = (performance.now() - t0) / reps;
  // A save of boundary.json (synced to disk): at most one every 5 s while training, and one at the end.
  const reporter = boundaryReporter(prepared, parsed.config, { runId: name, runDir, post: () => {} });
  await reporter?.epochEnd(model, 0, true);
  const save = (reporter?.budget.spentMs ?? 0) - each;
  prepared.dispose();
  handle.dispose();
  return {
    template: name,
    epochs,
    "wall ms": Math.round(wall),
    boundaries,
    "ms/boundary": each.toFixed(2),
    "ms/save": save.toFixed(2),
    "share of wall": `${((100 * (boundaries * each + Math.ceil(wall / 5000) * save)) / wall).toFixed(2)}%`,
  };
}

const names = process.argv.slice(2);
await selectBackend("wasm");
const rows = [];
for (const name of names.length ? names : ["xor", "perceptron-and", "perceptron-or", "car-truck"])
  rows.push(await bench(name));
console.table(rows);
