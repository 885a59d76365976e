/**
 * `npm run bench:train`: training throughput of three reference models on every backend that
 * loads here, next to PyTorch on the same machine in the same run, plus the cost of live metric
 * streaming. Not part of `npm test` (it takes minutes and its numbers depend on the machine).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { GraphBuilder } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { installKernelPatches } from "../kernels/install";
import { throttleLatest } from "../run/throttle";
import { lossFunction } from "../train/losses";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";
import { trainStep } from "../train/step";

type ModelName = "mlp" | "cnn" | "lstm";
const BATCHES: Record<ModelName, number> = { mlp: 20, cnn: 6, lstm: 6 };
const REPEATS = 3;

function graph(name: ModelName) {
  const b = new GraphBuilder();
  if (name === "mlp") {
    b.chain(
      null,
      ["Input", { shape: [784] }],
      ["Dense", { units: 256, activation: "relu" }],
      ["Dense", { units: 128, activation: "relu" }],
      ["Dense", { units: 10, activation: "softmax" }],
    );
  } else if (name === "cnn") {
    b.chain(
      null,
      ["Input", { shape: [28, 28, 1] }],
      ["Conv2D", { filters: 32, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Conv2D", { filters: 64, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Flatten"],
      ["Dense", { units: 128, activation: "relu" }],
      ["Dense", { units: 10, activation: "softmax" }],
    );
  } else {
    b.chain(null, ["Input", { shape: [50, 32] }], ["LSTM", { units: 64 }], ["Dense", { units: 1 }]);
  }
  return b.build();
}

const BATCH_SIZE: Record<ModelName, number> = { mlp: 128, cnn: 64, lstm: 64 };

function data(name: ModelName): { x: tf.Tensor; y: tf.Tensor } {
  const n = BATCH_SIZE[name];
  const shape = name === "mlp" ? [n, 784] : name === "cnn" ? [n, 28, 28, 1] : [n, 50, 32];
  const x = tf.randomNormal(shape);
  const y = name === "lstm" ? tf.randomNormal([n, 1]) : tf.oneHot(tf.randomUniform([n], 0, 10, "int32"), 10).toFloat();
  return { x, y };
}

/** Samples per second over BATCHES[name] batches, median of REPEATS, after 2 warm-up batches. */
async function measure(name: ModelName, streaming: boolean): Promise<number> {
  const compiled = compileGraph(graph(name));
  const optimizer = createOptimizer({ type: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 1e-3);
  const loss = lossFunction(
    name === "lstm" ? { type: "meanSquaredError" } : { type: "categoricalCrossentropy", fromLogits: false },
  );
  const { x, y } = data(name);
  let sent = 0;
  // Streaming as the trainer does it: a throttled progress message, serialized as IPC would.
  const progress = throttleLatest<object>((m) => {
    sent += structuredClone(m) ? 1 : 0;
  }, 100);
  const step = () => {
    const r = trainStep(compiled.model, optimizer, x, y, { loss });
    if (streaming) progress.push({ type: "progress", loss: r.loss, batch: sent });
  };
  for (let i = 0; i < 2; i++) step();
  const rates: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < BATCHES[name]; i++) {
      step();
      if (streaming) await new Promise((res) => setImmediate(res));
    }
    rates.push((BATCH_SIZE[name] * BATCHES[name]) / ((performance.now() - t0) / 1000));
  }
  tf.dispose([x, y]);
  disposeOptimizer(optimizer);
  compiled.model.dispose();
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)];
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

async function main() {
  tf.enableProdMode();
  const torch = torchRates();
  const rows: string[][] = [["backend", "model", "samples/s", "PyTorch samples/s", "NetForge/PyTorch"]];
  for (const backend of ["wasm", "cpu"] as const) {
    if (!(await tf.setBackend(backend))) continue;
    installKernelPatches(backend);
    for (const name of ["mlp", "cnn", "lstm"] as const) {
      const rate = await measure(name, true);
      const ref = torch?.[name];
      rows.push([backend, name, rate.toFixed(1), ref ? ref.toFixed(1) : "-", ref ? (rate / ref).toFixed(3) : "-"]);
      console.log(rows[rows.length - 1].join("\t"));
    }
  }
  await tf.setBackend("wasm");
  const on = await measure("mlp", true);
  const off = await measure("mlp", false);
  console.log(`\ntorch ${torch?.torch ?? "n/a"} (OPENBLAS_NUM_THREADS=1, 2 torch threads)`);
  console.log(rows.map((r) => r.map((c) => c.padEnd(18)).join("")).join("\n"));
  console.log(
    `\nlive metric streaming, wasm MLP: on ${on.toFixed(1)} samples/s, off ${off.toFixed(1)} samples/s, cost ${(((off - on) / off) * 100).toFixed(1)}%`,
  );
}

await main();
