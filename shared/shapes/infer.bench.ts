/**
 * `npm run bench:shapes`: inferGraph on a 1,000-node residual CNN. Target: under 10 ms, so the
 * editor can re-run it on every edit. Prints the median and the 95th percentile of 200 runs.
 */
import { GraphBuilder } from "../ir/builder";
import { inferGraph } from "./infer";

function residualNetwork(nodes: number) {
  const b = new GraphBuilder();
  let x = b.add("Input", { shape: [32, 32, 16] });
  while (b.build().nodes.length < nodes - 4) {
    const [, , act] = b.chain(
      x,
      ["Conv2D", { filters: 16, kernelSize: 3, padding: "same" }],
      ["BatchNormalization"],
      ["Activation", { activation: "relu" }],
    );
    const add = b.add("Add");
    b.connect(act, add).connect(x, add);
    x = add;
  }
  b.chain(x, ["GlobalAveragePooling2D"], ["Dense", { units: 10, activation: "softmax" }]);
  return b.build();
}

const graph = residualNetwork(1000);
const json = JSON.parse(JSON.stringify(graph));
for (let i = 0; i < 5; i++) inferGraph(json); // warm-up: JIT and zod schema caches
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  const a = inferGraph(json);
  times.push(performance.now() - t0);
  if (!a.ok) throw new Error(`benchmark graph is invalid: ${a.diagnostics[0]?.message}`);
}
times.sort((p, q) => p - q);
const median = times[times.length >> 1];
const p95 = times[Math.floor(times.length * 0.95)];
console.log(
  `inferGraph, ${graph.nodes.length} nodes / ${graph.edges.length} edges: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
);
console.log(`target 10 ms: median/target = ${(median / 10).toFixed(2)} (${median < 10 ? "met" : "NOT met"})`);
