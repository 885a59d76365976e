/**
 * Per-kernel profile of one training step of the benchmark models:
 *   npx tsx main/trainer/bench/profile.ts [wasm|cpu] [mlp|cnn|lstm ...]
 * Prints, per model, the wall time of a step (median of 5 after 2 warm-ups) and the kernels that
 * took the most time in one profiled step, summed by kernel name, with their call counts. The gap
 * between the wall time and the kernel total is tfjs' own per-op overhead (tape, engine).
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { installKernelPatches } from "../kernels/install";
import { MODELS, type ModelName, trainer } from "./models";

const PROFILED = 4;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function profileModel(name: ModelName, top: number): Promise<void> {
  const t = trainer(name);
  for (let i = 0; i < 2; i++) t.step();
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    t.step();
    walls.push(performance.now() - t0);
  }
  // Several profiled steps, averaged: one step's kernel times scatter by +-30% on a busy machine.
  const byName = new Map<string, { ms: number; calls: number }>();
  let calls = 0;
  for (let r = 0; r < PROFILED; r++) {
    const info = await tf.profile(() => {
      t.step();
    });
    calls = info.kernels.length;
    for (const k of info.kernels) {
      const e = byName.get(k.name) ?? { ms: 0, calls: 0 };
      e.ms += (k.kernelTimeMs as number) / PROFILED;
      e.calls += 1 / PROFILED;
      byName.set(k.name, e);
    }
  }
  const total = [...byName.values()].reduce((a, e) => a + e.ms, 0);
  console.log(
    `\n${tf.getBackend()} ${name}: step ${median(walls).toFixed(1)} ms (median of 5), kernels ${total.toFixed(1)} ms in ${calls} calls (mean of ${PROFILED} profiled steps)`,
  );
  for (const [k, e] of [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
    console.log(
      `  ${k.padEnd(24)} ${e.ms.toFixed(2).padStart(8)} ms  ${String(Math.round(e.calls)).padStart(5)} calls`,
    );
  }
  t.dispose();
}

async function main() {
  const [backend = "wasm", ...names] = process.argv.slice(2);
  tf.enableProdMode();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  installKernelPatches(backend);
  for (const name of (names.length ? names : MODELS) as ModelName[])
    await profileModel(name, Number(process.env.TOP ?? 14));
}

await main();
