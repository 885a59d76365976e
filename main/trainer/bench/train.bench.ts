/**
 * `npm run bench:train`: training throughput of three reference models on every backend that
 * loads here, next to PyTorch on the same machine in the same run, plus the cost of live metric
 * streaming. Not part of `npm test` (it takes minutes and its numbers depend on the machine).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { installKernelPatches } from "../kernels/install";
import { throttleLatest } from "../run/throttle";
import { BATCH_SIZE, type ModelName, trainer } from "./models";

const BATCHES: Record<ModelName, number> = { mlp: 20, cnn: 6, lstm: 6 };
const REPEATS = 5;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * Samples per second over BATCHES[name] batches, median of REPEATS runs after 2 warm-up batches,
 * for each streaming mode asked for. Modes alternate run by run in one process, so a machine
 * that slows down for a while (CI, other jobs) weighs on both alike.
 */
async function measure(name: ModelName, modes: boolean[]): Promise<number[]> {
  const t = trainer(name);
  let sent = 0;
  // Streaming as the trainer does it: a throttled progress message, serialized as IPC would.
  const progress = throttleLatest<object>((m) => {
    sent += structuredClone(m) ? 1 : 0;
  }, 100);
  const step = (streaming: boolean) => {
    const loss = t.step();
    if (streaming) progress.push({ type: "progress", loss, batch: sent });
  };
  for (let i = 0; i < 2; i++) step(modes[0]);
  const rates = modes.map(() => [] as number[]);
  for (let r = 0; r < REPEATS; r++) {
    for (const [m, streaming] of modes.entries()) {
      const t0 = performance.now();
      for (let i = 0; i < BATCHES[name]; i++) {
        step(streaming);
        if (streaming) await new Promise((res) => setImmediate(res));
      }
      rates[m].push((BATCH_SIZE[name] * BATCHES[name]) / ((performance.now() - t0) / 1000));
    }
  }
  t.dispose();
  return rates.map(median);
}

function torchRates(): Record<string, number> | null {
  const script = join(import.meta.dirname, "torch_bench.py");
  const r = spawnSync("/usr/bin/python3", [script, JSON.stringify(BATCHES)], {
    encoding: "utf8",
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1" },
    timeout: 600_000,
  });
  if (r.status !== 0) {
    console.log(
      `PyTorch reference unavailable (${(r.stderr || r.error?.message || "").split("\n").filter(Boolean).pop()}); install python3-torch and libopenblas0-pthread`,
    );
    return null;
  }
  return JSON.parse(r.stdout.trim().split("\n").pop() as string);
}

/**
 * PyTorch runs before and after NetForge; per model the FASTER of the two is the reference
 * (another job slowing one of them down must not flatter the ratio).
 */
async function main() {
  tf.enableProdMode();
  const before = torchRates();
  const results: [string, ModelName, number][] = [];
  for (const backend of ["wasm", "cpu"] as const) {
    if (!(await tf.setBackend(backend))) continue;
    installKernelPatches(backend);
    for (const name of ["mlp", "cnn", "lstm"] as const) {
      const [rate] = await measure(name, [true]);
      results.push([backend, name, rate]);
      console.log(`${backend}\t${name}\t${rate.toFixed(1)}`);
    }
  }
  await tf.setBackend("wasm");
  const [on, off] = await measure("mlp", [true, false]);
  const after = torchRates();
  const torch = (name: ModelName) => Math.max(before?.[name] ?? 0, after?.[name] ?? 0) || undefined;
  const rows: string[][] = [["backend", "model", "samples/s", "PyTorch samples/s", "NetForge/PyTorch"]];
  for (const [backend, name, rate] of results) {
    const ref = torch(name);
    rows.push([backend, name, rate.toFixed(1), ref ? ref.toFixed(1) : "-", ref ? (rate / ref).toFixed(3) : "-"]);
  }
  const runs = [before, after].map((t) =>
    t ? `${(t.mlp as number).toFixed(0)}/${(t.cnn as number).toFixed(0)}/${(t.lstm as number).toFixed(0)}` : "-",
  );
  console.log(
    `\ntorch ${before?.torch ?? after?.torch ?? "n/a"} (OPENBLAS_NUM_THREADS=1, 2 torch threads); mlp/cnn/lstm before ${runs[0]}, after ${runs[1]}; the faster is used`,
  );
  console.log(rows.map((r) => r.map((c) => c.padEnd(18)).join("")).join("\n"));
  console.log(
    `\nlive metric streaming, wasm MLP (alternating runs): on ${on.toFixed(1)} samples/s, off ${off.toFixed(1)} samples/s, cost ${(((off - on) / off) * 100).toFixed(1)}%`,
  );
}

await main();
