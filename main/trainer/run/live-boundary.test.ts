import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { LIVE_BOUNDARY_FILE, LIVE_BOUNDARY_RESOLUTION, type LiveBoundary } from "../../../shared/api/schemas/boundary";
import { sequential } from "../../../shared/ir/builder";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { parseTrainingConfig } from "../../../shared/training/config";
import { compileGraph } from "../compile/compile";
import { template, templateData } from "../testing/run-template";
import { boundaryReporter } from "./boundary-reporter";
import { type PreparedData, prepareData } from "./data";
import { boundaryGrid } from "./evaluate-boundary";
import { trainedRuns } from "./evaluate-fixtures";
import { toProbabilities } from "./evaluate-outputs";

/** The live boundary of real runs trained here with tfjs: grid, points and the perceptron's line. */
const trained = trainedRuns();
const boundaries = (messages: TrainerMessage[]): LiveBoundary[] =>
  messages.flatMap((m) => (m.type === "boundary" ? [m.boundary] : []));

describe("live decision boundary (XOR, real trainer)", () => {
  it("streams a 40x40 grid equal to the model's own predictions on the grid points at the last epoch", async () => {
    const run = await trained("xor", { epochs: 30 });
    const all = boundaries(run.messages);
    expect(all.length).toBeGreaterThanOrEqual(2); // the first epoch's and the last's, at least
    expect(all[0].epoch).toBe(1);
    const b = all.at(-1) as LiveBoundary;
    expect(b.epoch).toBe(30);
    expect(b.resolution).toBe(LIVE_BOUNDARY_RESOLUTION);
    expect(b.axes).toEqual(["x1", "x2"]);
    expect(b.classNames).toEqual(["0", "1"]);
    expect(b.points).toEqual({ x: [0, 0, 1, 1], y: [0, 1, 0, 1], target: [0, 1, 1, 0] });
    const model = run.handle.model as tf.LayersModel;
    const config = run.handle.config as NonNullable<typeof run.handle.config>;
    const r = b.resolution;
    const p = tf.tidy(() =>
      toProbabilities(
        model.predict(tf.tensor2d(boundaryGrid(b.x, b.y, r), [r * r, 2])) as tf.Tensor,
        config,
      ).dataSync(),
    );
    expect(b.values).toEqual(Array.from(p, (v) => (v > 0.5 ? 1 : 0)));
    expect(b.confidence?.map((c, i) => Math.abs(c - Math.max(p[i], 1 - p[i])) < 1e-4)).not.toContain(false);
    // The run keeps its last boundary beside its curves.
    expect(JSON.parse(readFileSync(join(run.runDir, LIVE_BOUNDARY_FILE), "utf8"))).toEqual(b);
  });
});

describe("live boundary of a regression (2 features, values as colour)", () => {
  it("holds the model's predicted value at every grid point", async () => {
    const graph = sequential([2], ["Dense", { units: 4, activation: "tanh" }], ["Dense", { units: 1 }]);
    const x = Array.from({ length: 24 }, (_, i) => [(i % 6) - 2.5, Math.floor(i / 6) * 3]);
    const data = { kind: "inline", x, y: x.map(([a, b]) => [a + 2 * b]) } as never;
    const run = await trained(
      "regression",
      { epochs: 3, loss: { type: "meanSquaredError" }, metrics: [], validation: { type: "split", fraction: 0.25 } },
      { graph, data },
    );
    const b = boundaries(run.messages).at(-1) as LiveBoundary;
    expect(b.kind).toBe("value");
    expect(b.confidence).toBeUndefined();
    expect(b.classNames).toBeNull();
    // Keras-style split: the last quarter validates, drawn apart from the 18 training points.
    expect(b.points.target).toEqual(x.slice(0, 18).map(([a, c]) => a + 2 * c));
    expect(b.validation).toEqual({
      x: x.slice(18).map((p) => p[0]),
      y: x.slice(18).map((p) => p[1]),
      target: x.slice(18).map(([a, c]) => a + 2 * c),
    });
    const r = b.resolution;
    const model = run.handle.model as tf.LayersModel;
    const p = tf.tidy(() =>
      (model.predict(tf.tensor2d(boundaryGrid(b.x, b.y, r), [r * r, 2])) as tf.Tensor).dataSync(),
    );
    expect(Math.max(...b.values.map((v, i) => Math.abs(v - p[i])))).toBeLessThan(1e-4);
  });
});

describe("perceptron line on a standardized table (car-truck, 2 numeric features)", () => {
  it("is the layer's line w.z + b = threshold mapped back to the table's units", async () => {
    const graph = sequential([2], ["Perceptron", { units: 1, threshold: 0, outputCoding: "zeroOne" }]);
    const t = template("car-truck");
    const run = await trained(
      "car-truck",
      {
        optimizer: { type: "perceptron" },
        epochs: 5,
        batchSize: 1,
        learningRate: 0.1,
        loss: { type: "meanSquaredError" },
      },
      { graph, data: t.data as never },
    );
    const b = boundaries(run.messages).at(-1) as LiveBoundary;
    expect(b.axes).toEqual(["weight", "goods"]);
    expect(b.classNames).toEqual(["Car", "Truck"]);
    const stats = JSON.parse(readFileSync(join(run.runDir, "preprocessing.json"), "utf8")).stats;
    const [fw, fg] = stats.features as { center: number; scale: number }[];
    expect(fw.scale).not.toBe(1); // standardized: the test would not tell the units apart otherwise
    // Points are drawn in the table's units: the first training rows as the CSV has them.
    expect(Math.min(...b.points.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...b.points.x)).toBeGreaterThan(10);
    const layer = run.handle.model?.layers.at(-1) as tf.layers.Layer;
    const [k, bias] = layer.getWeights().map((w) => w.dataSync());
    const line = b.line as NonNullable<LiveBoundary["line"]>;
    // For any point in original units, w'.x + b' equals the layer's pre-activation on the standardized point.
    for (const [x, y] of [
      [0, 0],
      [15, 2],
      [34, 67],
      [-1e3, 250],
    ]) {
      const z = k[0] * ((x - fw.center) / fw.scale) + k[1] * ((y - fg.center) / fg.scale) + bias[0];
      expect(line.w[0] * x + line.w[1] * y + line.b).toBeCloseTo(z, 4);
    }
    // And the grid's classes agree with the side of the line each cell is on.
    const r = b.resolution;
    const grid = boundaryGrid(b.x, b.y, r);
    b.values.forEach((v, i) => {
      const s = line.w[0] * grid[2 * i] + line.w[1] * grid[2 * i + 1] + line.b;
      if (Math.abs(s) > 1e-3) expect(v).toBe(s >= 0 ? 1 : 0);
    });
  });
});

describe("boundary throttle", () => {
  it("keeps the number of boundaries within its time budget on a fast run", async () => {
    const t = template("xor");
    const parsed = parseTrainingConfig({ ...t.training, epochs: 1000 });
    if (!parsed.ok) throw new Error("config");
    const compiled = compileGraph(t.graph);
    const data: PreparedData = prepareData(templateData(t.data) as never, compiled, parsed.config);
    // A clock where an epoch takes 1 ms and computing a boundary 5 ms: at a 3% budget that is at
    // most one boundary every ~167 epochs, plus the first and the last.
    let clock = 0;
    const posted: TrainerMessage[] = [];
    const reporter = boundaryReporter(
      data,
      parsed.config,
      { runId: "t", post: (m) => posted.push(m) },
      null,
      () => clock,
    );
    if (!reporter) throw new Error("XOR has two features: a reporter was expected");
    const model = compiled.model;
    const origPredict = model.predict.bind(model);
    model.predict = ((x: tf.Tensor) => {
      clock += 5;
      return origPredict(x);
    }) as typeof model.predict;
    for (let epoch = 0; epoch < 1000; epoch++) {
      clock += 1;
      await reporter.epochEnd(model, epoch, epoch === 999);
    }
    const n = posted.length;
    expect(n).toBe(reporter.budget.boundaries);
    expect(n).toBeLessThanOrEqual(2 + Math.floor((0.03 * 1000 + 0.03 * 5 * n) / 5));
    expect(n).toBeGreaterThanOrEqual(3);
    expect(reporter.budget.spentMs).toBeLessThanOrEqual(0.03 * reporter.budget.elapsedMs + 2 * 5);
    data.dispose();
    compiled.model.dispose();
  });
});
