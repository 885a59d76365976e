import { describe, expect, it } from "vitest";
import type { PipelineSummary } from "../../shared/onnx/result";
import { exportReadme, type ReadmeInput, readmeName } from "./export-readme";

/** The README for each kind of pipeline: the names, dtypes and shapes a user must get right are there. */

function readme(pipeline: PipelineSummary, more: Partial<ReadmeInput> = {}): string {
  return exportReadme({
    modelFile: "model.onnx",
    name: "Demo",
    runId: "run-1",
    opset: 17,
    pipeline,
    classNames: null,
    metadata: {},
    beside: [],
    example: null,
    ...more,
  });
}

/** The section of the Markdown from `heading` to the next "## " heading. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`## ${heading}`);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const next = md.indexOf("\n## ", start + 3);
  return md.slice(start, next < 0 ? undefined : next);
}

describe("exportReadme", () => {
  it("names the file after the model", () => {
    expect(readmeName("iris.onnx")).toBe("iris.README.md");
    expect(readmeName("model")).toBe("model.README.md");
  });

  it("table with one input per column: float and string inputs, probabilities in class order, the label", () => {
    const md = readme(
      {
        mode: "raw",
        inputs: [
          { name: "weight", dtype: "float32", shape: ["N", 1], description: 'column "weight" (kg; strip the unit)' },
          { name: "color", dtype: "string", shape: ["N", 1], description: 'column "color": red, blue' },
        ],
        outputs: [
          { name: "probabilities", dtype: "float32", shape: ["N", 2], description: "probability per class" },
          { name: "label", dtype: "string", shape: ["N"], description: "the predicted class name" },
        ],
        steps: ["weight: (x - 1500) / 300", "color: one-hot over red, blue"],
        userSteps: ['weight: strip the unit ("1500 kg" -> 1500)'],
      },
      {
        classNames: ["car", "truck"],
        example: {
          feeds: [
            { name: "weight", dtype: "float32", shape: [1, 1], values: [1500.5] },
            { name: "color", dtype: "string", shape: [1, 1], values: ["red"] },
          ],
          expected: [
            { name: "probabilities", dtype: "float32", shape: [1, 2], values: [0.81, 0.19] },
            { name: "label", dtype: "string", shape: [1], values: ["car"] },
          ],
          netforge: "car 0.81",
        },
      },
    );
    const inputs = section(md, "Inputs");
    expect(inputs).toContain('| `weight` | float32 | [N, 1] | column "weight" (kg; strip the unit) |');
    expect(inputs).toContain('| `color` | string | [N, 1] | column "color": red, blue |');
    expect(section(md, "Outputs")).toContain("| `label` | string | [N] | the predicted class name |");
    const classes = section(md, "Classes");
    expect(classes.indexOf("| 0 | car |")).toBeLessThan(classes.indexOf("| 1 | truck |"));
    expect(section(md, "Preprocessing inside the file")).toContain("1. weight: (x - 1500) / 300\n2. color: one-hot");
    expect(section(md, "Your part")).toContain("strip the unit");
    const run = section(md, "Run it");
    expect(run).toContain("car 0.81");
    expect(run).toContain('probabilities: [0.81,0.19]\nlabel: ["car"]\n');
    expect(run).toContain('"weight": np.array([1500.5], dtype=np.float32).reshape((1, 1)),');
    expect(run).toContain('"color": np.array(["red"], dtype=object).reshape((1, 1)),');
    expect(run).toContain('"weight": new ort.Tensor("float32", Float32Array.from([1500.5]), [1, 1]),');
    expect(run).toContain('"color": new ort.Tensor("string", ["red"], [1, 1]),');
    expect(md).not.toContain("Expects preprocessed inputs");
  });

  it("images: uint8 pixels at the trained size, resizing left to the user", () => {
    const pixels = Array.from({ length: 4 * 4 }, (_, i) => i * 16);
    const md = readme(
      {
        mode: "raw",
        inputs: [{ name: "pixels", dtype: "uint8", shape: ["N", 4, 4, 1], description: "grey pixels 0..255, 4x4" }],
        outputs: [{ name: "probabilities", dtype: "float32", shape: ["N", 3], description: "probability per class" }],
        steps: ["pixels: cast to float, / 255", "pixels: (x - 0.5) / 0.25"],
        userSteps: ["resize each image to 4x4 (height x width), grey"],
      },
      {
        example: {
          feeds: [{ name: "pixels", dtype: "uint8", shape: [1, 4, 4, 1], values: pixels }],
          expected: [],
          netforge: null,
        },
      },
    );
    expect(section(md, "Inputs")).toContain("| `pixels` | uint8 | [N, 4, 4, 1] | grey pixels 0..255, 4x4 |");
    expect(section(md, "Your part")).toContain("- resize each image to 4x4");
    const run = section(md, "Run it");
    expect(run).toContain(`np.array([${pixels.join(", ")}], dtype=np.uint8).reshape((1, 4, 4, 1))`);
    expect(run).toContain(`new ort.Tensor("uint8", Uint8Array.from([${pixels.join(", ")}]), [1, 4, 4, 1])`);
  });

  it("an input too large to write out becomes zeros of the right shape, with where the data goes", () => {
    const md = readme(
      {
        mode: "raw",
        inputs: [{ name: "image", dtype: "uint8", shape: ["N", 64, 64, 3], description: "RGB pixels" }],
        outputs: [],
        steps: [],
        userSteps: [],
      },
      {
        example: {
          feeds: [{ name: "image", dtype: "uint8", shape: [1, 64, 64, 3], values: new Array(64 * 64 * 3).fill(7) }],
          expected: [],
          netforge: null,
        },
      },
    );
    const run = section(md, "Run it");
    expect(run).toContain('"image": np.zeros((1, 64, 64, 3), dtype=np.uint8),');
    expect(run).toContain('"image": new ort.Tensor("uint8", new Uint8Array(12288), [1, 64, 64, 3]),');
    expect(run).toContain("12288 values; put your own data here");
    expect(run).not.toContain("7, 7, 7");
  });

  it("series: raw window in, forecast in the original units out", () => {
    const md = readme(
      {
        mode: "raw",
        inputs: [{ name: "window", dtype: "float32", shape: ["N", 12, 1], description: "the last 12 values of sales" }],
        outputs: [
          { name: "forecast", dtype: "float32", shape: ["N", 3], description: "sales, next 3 steps, in units" },
        ],
        steps: ["window: differences", "window: (x - 2) / 5"],
        userSteps: [],
      },
      {
        example: {
          feeds: [
            {
              name: "window",
              dtype: "float32",
              shape: [1, 12, 1],
              values: [0.1, 0.2, Number.NaN, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            },
          ],
          expected: [],
          netforge: "forecast 12.1, 12.9, 13.4",
        },
      },
    );
    expect(section(md, "Inputs")).toContain("| `window` | float32 | [N, 12, 1] |");
    expect(section(md, "Outputs")).toContain("| `forecast` | float32 | [N, 3] | sales, next 3 steps, in units |");
    expect(section(md, "Your part")).toContain("Nothing beyond");
    const run = section(md, "Run it");
    expect(run).toContain("np.array([0.1, 0.2, np.nan, 3,");
    expect(run).toContain("Float32Array.from([0.1, 0.2, NaN, 3,");
  });

  it("text: token ids in, the vocabulary file beside, tokenizing stays the user's", () => {
    const md = readme(
      {
        mode: "raw",
        inputs: [
          { name: "tokens", dtype: "int64", shape: ["N", 20], description: "token ids (model.vocabulary.json)" },
        ],
        outputs: [{ name: "label", dtype: "int64", shape: ["N"], description: "class id" }],
        steps: [],
        userSteps: ["tokenize with the vocabulary in model.vocabulary.json: lower case, split on spaces, pad to 20"],
      },
      {
        beside: ["model.vocabulary.json"],
        example: {
          feeds: [{ name: "tokens", dtype: "int64", shape: [1, 3], values: [2, 17, 0] }],
          expected: [],
          netforge: "positive",
        },
      },
    );
    expect(section(md, "Inputs")).toContain("| `tokens` | int64 | [N, 20] |");
    expect(section(md, "Files beside the model")).toContain("- `model.vocabulary.json`");
    expect(section(md, "Your part")).toContain("tokenize with the vocabulary");
    const run = section(md, "Run it");
    expect(run).toContain("np.array([2, 17, 0], dtype=np.int64).reshape((1, 3))");
    expect(run).toContain('new ort.Tensor("int64", BigInt64Array.from([2, 17, 0], BigInt), [1, 3])');
  });

  it("bare: the expects-preprocessed-inputs warning comes first, with the exact transform", () => {
    const md = readme(
      {
        mode: "bare",
        inputs: [{ name: "x", dtype: "float32", shape: ["N", 4], description: "standardized features" }],
        outputs: [{ name: "dense_2", dtype: "float32", shape: ["N", 3], description: "network output" }],
        steps: ["x[:, 0]: (x - 5.84) / 0.83", "x[:, 1]: (x - 3.05) / 0.43"],
        userSteps: [],
      },
      {
        metadata: {
          "netforge.normalization": '{"input":"x","formula":"(x - mean) / std"}',
          "netforge.version": "0.1.0",
        },
      },
    );
    const bare = section(md, "⚠ Expects preprocessed inputs");
    expect(md.indexOf("Expects preprocessed inputs")).toBeLessThan(md.indexOf("## Inputs"));
    expect(bare).toContain("1. x[:, 0]: (x - 5.84) / 0.83\n2. x[:, 1]: (x - 3.05) / 0.43");
    expect(bare).toContain("`netforge.normalization`");
    expect(md).not.toContain("## Preprocessing inside the file");
    expect(md).toContain("It is the **bare network**");
    expect(section(md, "Metadata in the file")).toContain("- `netforge.version`: 0.1.0");
  });
});
