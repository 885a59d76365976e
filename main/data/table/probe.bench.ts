/**
 * Benchmark (not a test): probe a generated 100 MB CSV and report the time; the target is under
 * 1 s (issue 4, performance). Run with `npm run bench:data`. The file is written to the OS temp
 * folder and removed afterwards.
 */
import { createWriteStream, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { probeTable } from "./probe";

const TARGET_BYTES = 100 * 1024 * 1024;
const path = join(tmpdir(), `netforge-probe-bench-${process.pid}.csv`);

async function generate(): Promise<number> {
  const out = createWriteStream(path);
  const species = ["setosa", "versicolor", "virginica"];
  let bytes = 0;
  let rows = 0;
  const header = "id,sepal_length,sepal_width,petal_length,petal_width,weight,colour,species\n";
  out.write(header);
  bytes += header.length;
  let seed = 12345;
  // A small LCG keeps the file identical across runs without Math.random.
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  while (bytes < TARGET_BYTES) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++, rows++) {
      const s = species[rows % 3];
      lines.push(
        `${rows},${(4 + rand() * 4).toFixed(2)},${(2 + rand() * 2).toFixed(2)},${(1 + rand() * 6).toFixed(2)},${(rand() * 2.5).toFixed(2)},${(rand() * 90).toFixed(1)} kg,${rand() < 0.5 ? "red" : "blue"},${s}`,
      );
    }
    const chunk = `${lines.join("\n")}\n`;
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return rows;
}

try {
  const rows = await generate();
  const size = statSync(path).size;
  const times: number[] = [];
  let summary = await probeTable(path);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    summary = await probeTable(path);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[2];
  const error = (100 * Math.abs(summary.rows - rows)) / rows;
  console.log(
    `probe of a ${(size / 1048576).toFixed(1)} MB CSV (${rows} rows): median ${median.toFixed(1)} ms over 5 runs (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)}); target < 1000 ms`,
  );
  console.log(
    `estimated rows ${summary.rows} (actual ${rows}, error ${error.toFixed(2)}%), estimated=${summary.estimated}, columns ${summary.columns.map((c) => `${c.name}:${c.type}${c.unit ? `[${c.unit}]` : ""}`).join(" ")}`,
  );
  if (median >= 1000) process.exitCode = 1;
} finally {
  unlinkSync(path);
}
