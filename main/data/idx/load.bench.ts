/**
 * Benchmark: load and encode the full Fashion-MNIST training set (60,000 gzipped IDX images from
 * Debian's dataset-fashion-mnist) to float32 in [0, 1]. Target (issue 4): under 5 s.
 *
 *   npm run bench:idx            (or: npx tsx main/data/idx/load.bench.ts [dir])
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DEBIAN_FASHION_MNIST_DIR, fashionMnistFiles } from "./fashion-mnist";
import { readMaybeGzip } from "./gzip";
import { probeIdx } from "./probe";
import { loadIdx, toUnitFloat32 } from "./read";

const dir = process.argv[2] ?? DEBIAN_FASHION_MNIST_DIR;
const files = fashionMnistFiles(dir, "train");
if (!existsSync(files.images)) {
  console.log(`skipped: ${files.images} is absent (apt-get install dataset-fashion-mnist)`);
  process.exit(0);
}

const RUNS = 3;
const times: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const d = await loadIdx({ ...files, scale: "unit" });
  times.push(performance.now() - t0);
  if (d.n !== 60000 || d.x.length !== 60000 * 784) throw new Error(`unexpected size: ${d.n}`);
}

// Where the time goes: gunzip vs encoding.
const t1 = performance.now();
const raw = await readMaybeGzip(files.images);
const t2 = performance.now();
toUnitFloat32(raw.subarray(16));
const t3 = performance.now();
const p0 = performance.now();
await probeIdx(files);
const p1 = performance.now();

const best = Math.min(...times);
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(`Fashion-MNIST train (60,000 x 28x28x1) -> float32 [0,1], ${RUNS} runs: ${times.map(fmt).join(", ")}`);
console.log(`  best ${fmt(best)} (target < 5 s): ${best < 5000 ? "OK" : "TOO SLOW"}`);
console.log(`  read + gunzip ${fmt(t2 - t1)}, encode ${fmt(t3 - t2)}; probe ${fmt(p1 - p0)}`);
if (best >= 5000) process.exitCode = 1;
