import { describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../ir/builder";
import { type GraphAnalysis, inferGraph } from "../../shapes/infer";
import { defaultTrainingConfig } from "../../training/config";
import { exportOnnx } from "../export";
import { buildPipeline, type PipelineInput } from "./index";

/**
 * The pipeline's contract without a runtime (the onnxruntime checks are main/trainer/export/
 * pipeline-*.test.ts): clear errors for preprocessing that does not fit, GAN noise fed as given,
 * and what bare files tell their users.
 */

const zeros = (a: GraphAnalysis) =>
  Object.fromEntries(
    a.order.map((id) => [
      id,
      a.nodes[id].weights.map((w) => ({ shape: w.shape, data: new Float32Array(w.shape.reduce((x, y) => x * y, 1)) })),
    ]),
  );

const numeric = (name: string, center = 0, scale = 1) => ({
  name,
  type: "numeric",
  stripUnit: false,
  fill: 1.5,
  center,
  scale,
});
const TABLE = {
  kind: "table",
  featureNames: ["a", "b"],
  classNames: [],
  stats: {
    task: "regression",
    label: { name: "y" },
    features: [numeric("a", 2, 4), numeric("b")],
    featureNames: ["a", "b"],
    normalization: "standardize",
  },
};

function pipelineFor(graph: unknown, preprocessing: unknown, over: Partial<PipelineInput> = {}) {
  const analysis = inferGraph(graph);
  const input: PipelineInput = {
    preprocessing,
    source: null,
    analysis,
    outputs: analysis.outputs,
    classNames: null,
    training: defaultTrainingConfig(),
    options: { inputs: "raw", tableInputs: "columns" },
    ...over,
  };
  const pipeline = buildPipeline(input);
  return {
    analysis,
    pipeline,
    run: () => exportOnnx(analysis, { weights: zeros(analysis), pipeline, outputs: input.outputs }),
  };
}

describe("buildPipeline errors", () => {
  it("names what it expected and what it received", () => {
    const graph = sequential([2], ["Dense", { units: 1 }]);
    expect(() => pipelineFor(graph, null)).toThrow(
      /expected the run's preprocessing with a kind of table, .*received none/,
    );
    expect(() => pipelineFor(graph, { kind: "parquet" })).toThrow(/received kind "parquet"/);
    expect(() => pipelineFor(graph, { ...TABLE, stats: { ...TABLE.stats, features: "x" } })).toThrow(
      /the run's table preprocessing does not fit: stats\.features: /,
    );
    const wide = pipelineFor(sequential([3], ["Dense", { units: 1 }]), TABLE);
    expect(wide.run).toThrow(
      /the Input "input[_0-9]*" expects \[3\] per sample; the table's encoded features give \[2\]/,
    );
  });

  it("refuses a table for a model with two Inputs", () => {
    const b = new GraphBuilder();
    const cat = b.add("Concatenate", { axis: -1 });
    for (const _ of [0, 1]) b.connect(b.chain(null, ["Input", { shape: [2] }])[0], cat, "in");
    b.chain(cat, ["Dense", { units: 1 }]);
    expect(() => pipelineFor(b.build(), TABLE)).toThrow(/table data feeds a model with one Input; this one has 2/);
  });
});

describe("table ports", () => {
  it("keep a column's name when ONNX-safe, else sanitize it and name the column", () => {
    const stats = { ...TABLE.stats, features: [numeric("petal length (cm)", 1, 2), numeric("b.2")] };
    const { pipeline, run } = pipelineFor(sequential([2], ["Dense", { units: 1 }]), { ...TABLE, stats });
    run();
    expect(pipeline.describe().inputs.map((p) => [p.name, p.columns, p.dtype])).toEqual([
      ["petal_length__cm_", ["petal length (cm)"], "float32"],
      ["b.2", ["b.2"], "float32"],
    ]);
    expect(pipeline.describe().inputs[0].description).toMatch(/^column "petal length \(cm\)"/);
    expect(pipeline.describe().outputs.map((p) => p.description)).toEqual([
      'the predicted "y", in the training file\'s units',
    ]);
  });
});

describe("GAN generators", () => {
  it("take their noise as given and answer in the data's preprocessed space", () => {
    const b = new GraphBuilder();
    const [, , gen] = b.chain(null, ["Input", { shape: [3] }], ["Dense", { units: 2 }], ["GANGenerator", {}]);
    b.chain(null, ["Input", { shape: [2] }], ["Dense", { units: 1, activation: "sigmoid" }], ["GANDiscriminator", {}]);
    const { pipeline, run } = pipelineFor(b.build(), TABLE, { outputs: [gen] });
    const file = run();
    expect(file.inputs.map((v) => v.dims)).toEqual([["N", 3]]);
    const d = pipeline.describe();
    expect(d.inputs[0].description).toMatch(/as NetForge was given them/);
    expect(d.outputs.map((p) => p.shape)).toEqual([["N", 2]]);
    expect(d.userSteps).toEqual([]);
  });
});

describe("bare files", () => {
  it("table: the user fills missing cells (a bare file fills nothing), raw files fill NaN themselves", () => {
    const graph = sequential([2], ["Dense", { units: 1 }]);
    const steps = (inputs: "raw" | "bare") => {
      const { pipeline, run } = pipelineFor(graph, TABLE, { options: { inputs, tableInputs: "columns" } });
      run();
      return pipeline.describe().userSteps.join(" ");
    };
    expect(steps("raw")).toMatch(/feed NaN/);
    expect(steps("bare")).not.toMatch(/feed NaN|the file fills/);
    expect(steps("bare")).toMatch(/fill value/);
  });

  it("series: the windows' exact transform and how to read the forecast", () => {
    const pre = {
      kind: "timeSeries",
      lookback: 4,
      horizon: 2,
      differencing: true,
      scaling: "standardize",
      features: [{ name: "v", offset: 0.5, scale: 2 }],
      target: { name: "v", offset: 0.5, scale: 2 },
    };
    const { pipeline, run } = pipelineFor(sequential([4, 1], ["Flatten"], ["Dense", { units: 2 }]), pre, {
      options: { inputs: "bare", tableInputs: "columns" },
    });
    const file = run();
    expect(file.inputs.map((v) => v.dims)).toEqual([["N", 4, 1]]);
    const meta = pipeline.describe().metadata;
    expect(meta["netforge.inputs"]).toBe("preprocessed");
    expect(meta["netforge.expects"]).toMatch(/^expects preprocessed inputs: window: first differences/);
    const t = JSON.parse(meta["netforge.transform"]);
    expect(t[file.inputs[0].name]).toMatchObject({ kind: "timeSeries", lookback: 4, differencing: true });
    expect(t[file.inputs[0].name].target).toEqual({ name: "v", offset: 0.5, scale: 2 });
  });

  it("text: the vocabulary file is written beside a bare file too", () => {
    const pre = {
      kind: "text",
      tokenizer: { level: "word", lowercase: true, vocabSize: 10, oovToken: "<oov>" },
      maxLength: 3,
      padding: "post",
      truncation: "post",
      vocabulary: ["<pad>", "<oov>", "good"],
      classNames: ["neg", "pos"],
    };
    const graph = sequential([3], ["Dense", { units: 2 }]);
    const { pipeline, run } = pipelineFor(graph, pre, {
      options: { inputs: "bare", tableInputs: "columns" },
      classNames: ["neg", "pos"],
      fileStem: "remarks",
    });
    run();
    const d = pipeline.describe();
    expect(d.sideFiles.map((f) => f.name)).toEqual(["remarks.vocabulary.json"]);
    expect(d.metadata["netforge.vocabulary_file"]).toBe("remarks.vocabulary.json");
    expect(d.steps.at(-1)).toMatch(/the index of the largest value .* named neg, pos/);
    expect(d.metadata["netforge.expects"]).toMatch(/^expects preprocessed inputs: "input[_0-9]*": token ids/);
    expect(d.metadata["netforge.expects"]).not.toMatch(/Answer/);
  });
});
