import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { exportOnnx } from "../../../shared/onnx/export";
import { buildPipeline } from "../../../shared/onnx/pipeline/index";
import { inferGraph } from "../../../shared/shapes/infer";
import { applyTableStats, encodeTable, readTable, type TableRows } from "../../data/table/index";
import { checkOnnxFile } from "./onnx-check.testkit";
import {
  argmax,
  build,
  dense,
  maxAbsDiff,
  run,
  seededWeights,
  sigmoid,
  softmax,
  tempDir,
  training,
} from "./pipeline.testkit";

/**
 * Tables through the exported pipeline: raw columns (as readTable reads the cells) into
 * onnxruntime, against applyTableStats + the same Dense in float64, the Try-it path.
 */

const IRIS = join(__dirname, "../../../resources/datasets/iris.csv");
const TIME = join(__dirname, "../../../resources/datasets/time-management.csv");
const dir = tempDir();

async function fitted(path: string, extra: Record<string, unknown> = {}, train?: number[]) {
  const rows = await readTable({ kind: "table", path, ...extra });
  const enc = encodeTable(rows, train);
  const pre = { kind: "table", featureNames: enc.featureNames, classNames: enc.classNames, stats: enc.stats };
  return { rows, enc, pre };
}

/** The raw feeds of `rows` by port: numbers as read (NaN missing), categories as text ("" missing). */
function feedsOf(rows: TableRows, ports: { name: string }[]): Record<string, ort.Tensor> {
  const n = rows.labels.length;
  return Object.fromEntries(
    rows.values.map((v, i) => {
      const t =
        v.kind === "number"
          ? new ort.Tensor("float32", Float32Array.from(v.values), [n, 1])
          : new ort.Tensor(
              "string",
              v.values.map((s) => s ?? ""),
              [n, 1],
            );
      return [ports[i].name, t];
    }),
  );
}

describe("table pipeline", () => {
  it("iris: one float input per column, probabilities and class names as NetForge predicts", async () => {
    const { rows, enc, pre } = await fitted(
      IRIS,
      {},
      Array.from({ length: 75 }, (_, i) => 2 * i),
    );
    const graph = sequential([4], ["Dense", { units: 3, activation: "softmax" }]);
    const b = await build(dir, "iris", graph, {
      preprocessing: pre,
      source: null,
      classNames: enc.classNames,
      training: training({ loss: { type: "sparseCategoricalCrossentropy" } }),
      options: { inputs: "raw", tableInputs: "columns" },
    });
    expect(b.description.inputs.map((p) => [p.name, p.dtype, p.shape.join()])).toEqual(
      rows.features.map((c) => [c.name, "float32", "N,1"]),
    );
    const out = await run(b.session, feedsOf(rows, b.description.inputs));
    const x = applyTableStats(rows, enc.stats).features;
    const want = dense(x, rows.labels.length, b.weights[b.analysis.outputs[0]], "softmax");
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => enc.classNames[argmax(p)]));
    expect(out.label.dims).toEqual([rows.labels.length]);
  });

  it("iris as one float matrix, and the matrix refused for categorical columns", async () => {
    const { rows, enc, pre } = await fitted(IRIS, { normalization: "minmax" });
    const graph = sequential([4], ["Dense", { units: 3 }]);
    const b = await build(dir, "iris-matrix", graph, {
      preprocessing: pre,
      source: null,
      classNames: enc.classNames,
      training: training({ loss: { type: "sparseCategoricalCrossentropy", fromLogits: true } }),
      options: { inputs: "raw", tableInputs: "matrix" },
    });
    const n = rows.labels.length;
    const m = new Float32Array(n * 4);
    rows.values.forEach((v, c) => {
      for (let r = 0; r < n; r++) m[r * 4 + c] = (v.values as Float64Array)[r];
    });
    const out = await run(b.session, { features: new ort.Tensor("float32", m, [n, 4]) });
    const want = dense(applyTableStats(rows, enc.stats).features, n, b.weights[b.analysis.outputs[0]]).map(softmax);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => enc.classNames[argmax(p)]));

    const cat = await fitted(writeCsv("refuse.csv", "color,size,kind\nred,1,a\nblue,2,b\nred,3,a\n"));
    expect(() =>
      buildPipeline({
        preprocessing: cat.pre,
        source: null,
        analysis: inferGraph(sequential([3], ["Dense", { units: 2 }])),
        outputs: [],
        classNames: null,
        training: training({}),
        options: { inputs: "raw", tableInputs: "matrix" },
      }),
    ).toThrow(/"color" is categorical.*"columns"/);
  });
});

describe("binary and bare table exports", () => {
  it("time-management (hr units): sigmoid unit -> [1 - p, p], class 1 only when p > 0.5", async () => {
    const { rows, enc, pre } = await fitted(TIME);
    expect(enc.classNames).toEqual(["0", "1"]);
    const input = {
      preprocessing: pre,
      source: null,
      classNames: enc.classNames,
      training: training({ loss: { type: "binaryCrossentropy", fromLogits: true } }),
      options: { inputs: "raw" as const, tableInputs: "columns" as const },
    };
    const graph = sequential([3], ["Dense", { units: 1 }]);
    const b = await build(dir, "time", graph, input);
    expect(b.description.userSteps.join(" ")).toMatch(/"study".*"hr"/);
    expect(b.description.metadata["netforge.threshold"]).toBe("0.5");
    const n = rows.labels.length;
    const out = await run(b.session, feedsOf(rows, b.description.inputs));
    const p = dense(applyTableStats(rows, enc.stats).features, n, b.weights[b.analysis.outputs[0]]).map(([z]) =>
      sigmoid(z),
    );
    expect(
      maxAbsDiff(
        out.probabilities.data as Float32Array,
        p.flatMap((q) => [1 - q, q]),
      ),
    ).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(p.map((q) => (q > 0.5 ? "1" : "0")));
    // Zero weights: p = 0.5 exactly, which NetForge's classOf calls class 0 (strictly greater wins).
    const zero = await build(dir, "time-zero", graph, input, {
      weights: (a) =>
        Object.fromEntries(
          a.order.map((id) => [
            id,
            a.nodes[id].weights.map((w) => ({
              shape: w.shape,
              data: new Float32Array(w.shape.reduce((x, y) => x * y, 1)),
            })),
          ]),
        ),
    });
    const half = await run(zero.session, feedsOf(rows, zero.description.inputs));
    expect(Array.from(half.probabilities.data as Float32Array).slice(0, 2)).toEqual([0.5, 0.5]);
    expect(half.label.data).toEqual(p.map(() => "0"));
  });

  it("bare: the file exportOnnx writes without a pipeline, flagged with the exact transform", async () => {
    const { enc, pre } = await fitted(IRIS);
    const analysis = inferGraph(sequential([4], ["Dense", { units: 3, activation: "softmax" }]));
    const weights = seededWeights(analysis);
    const pipeline = buildPipeline({
      preprocessing: pre,
      source: null,
      analysis,
      outputs: analysis.outputs,
      classNames: enc.classNames,
      training: training({}),
      options: { inputs: "bare", tableInputs: "columns" },
    });
    const bare = exportOnnx(analysis, { weights, pipeline });
    const meta = pipeline.describe().metadata;
    const plain = exportOnnx(analysis, { weights, metadata: meta });
    expect(Buffer.from(bare.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
    expect(meta["netforge.inputs"]).toBe("preprocessed");
    expect(meta["netforge.expects"]).toMatch(
      /^expects preprocessed inputs: sepal_length: missing -> [0-9.]+; \(x - 5\.8/,
    );
    const transform = JSON.parse(meta["netforge.transform"]);
    const input = bare.inputs[0].name;
    expect(transform[input].columns.map((c: { center: number }) => c.center)).toEqual(
      enc.stats.features.map((f) => f.center),
    );
    const path = join(dir, "bare.onnx");
    writeFileSync(path, bare.bytes);
    expect(checkOnnxFile(path)).toBe("");
  });
});

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
