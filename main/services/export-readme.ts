import type { PipelinePort } from "../../shared/onnx/pipeline/types";
import type { PipelineSummary } from "../../shared/onnx/result";
import { type ExampleFeed, float32Literal, nodeExample, pythonExample } from "./export-readme-example";

/**
 * The README written beside an exported ONNX model (`<model>.README.md` next to `<model>.onnx`):
 * what to feed each input, what each output means, the preprocessing inside the file and what
 * stays the user's job, the class names, and runnable examples for onnxruntime in Python and
 * Node built from one real sample. A bare export opens with what the user must do to the data
 * first. Pure: the export (export.ts) passes what it knows and writes the text.
 */

export interface ReadmeInput {
  /** The model's file name, as the examples open it (they run in its folder). */
  modelFile: string;
  /** The project's (or run's) name. */
  name: string;
  /** The run exported, or null for a project with freshly initialised weights. */
  runId: string | null;
  opset: number | null;
  pipeline: PipelineSummary;
  /** Output unit i (or class id i) is classNames[i]. */
  classNames: readonly string[] | null;
  /** netforge.* metadata of the file (the exact transform of a bare export among them). */
  metadata: Record<string, string>;
  /** Other files written beside the model (the vocabulary of a text model), by name. */
  beside: readonly string[];
  /**
   * One sample as the file takes it (raw for a raw export), NetForge's answer on it per output
   * (what the examples should print), and that answer as the report words it.
   */
  example: { feeds: ExampleFeed[]; expected: ExampleFeed[]; netforge: string | null } | null;
}

/** `<dir>/iris.onnx` -> `iris.README.md` (a name without .onnx keeps its whole name). */
export function readmeName(modelFile: string): string {
  return `${modelFile.replace(/\.onnx$/i, "")}.README.md`;
}

const shapeText = (p: Pick<PipelinePort, "shape">) => `[${p.shape.join(", ")}]`;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function portTable(ports: readonly PipelinePort[]): string[] {
  if (ports.length === 0) return ["(none)"];
  return [
    "| Name | Type | Shape | Meaning |",
    "| --- | --- | --- | --- |",
    ...ports.map((p) => `| \`${p.name}\` | ${p.dtype} | ${shapeText(p)} | ${cell(p.description)} |`),
  ];
}

const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`);

/** Metadata values long enough to drown the README (whole preprocessing JSON) are left in the file. */
const METADATA_SHOWN = 400;

/** The bare export's warning: the network alone, and the exact transform it expects. */
function bareSection(r: ReadmeInput): string[] {
  const transform = Object.entries(r.metadata).filter(([k]) => /normalization|transform|preprocess/i.test(k));
  return [
    "## ⚠ Expects preprocessed inputs",
    "",
    "This is the **bare network**: it does not take your raw data. Apply the transform below to every sample",
    "exactly as NetForge did in training, or its answers will be wrong without any error.",
    "",
    ...(r.pipeline.steps.length > 0 ? numbered(r.pipeline.steps) : ["(no transform: the inputs go in as they are)"]),
    "",
    ...(transform.length > 0
      ? [
          "The same transform, as written in the file's metadata:",
          "",
          ...transform.map(
            ([k, v]) =>
              `- \`${k}\`: \`${cell(v.length > METADATA_SHOWN * 4 ? `${v.slice(0, METADATA_SHOWN * 4)}…` : v)}\``,
          ),
          "",
        ]
      : []),
  ];
}

function classesSection(classNames: readonly string[] | null): string[] {
  if (!classNames || classNames.length === 0) return [];
  return [
    "## Classes",
    "",
    "Probabilities come in this order (column i is class i):",
    "",
    "| Index | Class |",
    "| --- | --- |",
    ...classNames.map((c, i) => `| ${i} | ${cell(c)} |`),
    "",
  ];
}

/** One output as the examples print it: `name: [values]`. */
function expectedLine(f: ExampleFeed): string {
  const values = f.values.map((v) => (typeof v === "string" ? JSON.stringify(v) : float32Literal(v)));
  return `${f.name}: [${values.join(",")}]`;
}

function exampleSection(r: ReadmeInput): string[] {
  if (!r.example || r.example.feeds.length === 0) return [];
  const { feeds, expected, netforge } = r.example;
  return [
    "## Run it",
    "",
    `Both examples feed one ${r.pipeline.mode === "raw" ? "raw" : "preprocessed"} sample from the data NetForge verified the file on and print every output.`,
    ...(netforge ? ["", `NetForge's own answer for this sample: **${cell(netforge)}**.`] : []),
    ...(expected.length > 0
      ? [
          "",
          "They should print (NetForge's outputs, within 1e-4):",
          "",
          "```text",
          ...expected.map(expectedLine),
          "```",
        ]
      : []),
    "",
    `### Python (\`pip install numpy onnxruntime\`; run in the folder of \`${r.modelFile}\`)`,
    "",
    "```python",
    pythonExample(r.modelFile, feeds),
    "```",
    "",
    `### Node (\`npm install onnxruntime-node\`; save as \`example.js\` beside \`${r.modelFile}\`, run \`node example.js\`)`,
    "",
    "```js",
    nodeExample(r.modelFile, feeds),
    "```",
    "",
  ];
}

function metadataSection(metadata: Record<string, string>): string[] {
  const shown = Object.entries(metadata).filter(([, v]) => v.length <= METADATA_SHOWN);
  if (shown.length === 0) return [];
  return [
    "## Metadata in the file",
    "",
    "(`session.get_modelmeta().custom_metadata_map` in Python; the longer entries, such as the saved preprocessing, are there too.)",
    "",
    ...shown.map(([k, v]) => `- \`${k}\`: ${cell(v)}`),
    "",
  ];
}

/** The README's Markdown. */
export function exportReadme(r: ReadmeInput): string {
  const { pipeline } = r;
  const raw = pipeline.mode === "raw";
  const lines = [
    `# ${r.name}: ${r.modelFile}`,
    "",
    `ONNX model${r.opset !== null ? ` (opset ${r.opset})` : ""} exported by NetForge from ${r.runId ? `run ${r.runId}` : "the project with freshly initialised weights (untrained)"}.`,
    raw
      ? "It takes **raw data** (as in the files it was trained from): the preprocessing is inside the file."
      : "It is the **bare network**: it expects inputs preprocessed as described below.",
    "",
    ...(raw ? [] : bareSection(r)),
    "## Inputs",
    "",
    ...portTable(pipeline.inputs),
    "",
    '"N" is the batch size: give any number of samples at once.',
    "",
    "## Outputs",
    "",
    ...portTable(pipeline.outputs),
    "",
    ...classesSection(r.classNames),
    ...(raw
      ? [
          "## Preprocessing inside the file",
          "",
          ...(pipeline.steps.length > 0
            ? numbered(pipeline.steps)
            : ["(none: the inputs go to the network as they are)"]),
          "",
        ]
      : []),
    "## Your part",
    "",
    ...(pipeline.userSteps.length > 0
      ? pipeline.userSteps.map((s) => `- ${s}`)
      : ["- Nothing beyond giving the inputs above with these names, types and shapes."]),
    "",
    ...(r.beside.length > 0 ? ["## Files beside the model", "", ...r.beside.map((f) => `- \`${f}\``), ""] : []),
    ...exampleSection(r),
    ...metadataSection(r.metadata),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
