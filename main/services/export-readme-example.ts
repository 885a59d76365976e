import type { PortDtype } from "../../shared/onnx/pipeline/types";

/**
 * The runnable examples of the README written beside an exported model (export-readme.ts): one
 * real sample, fed to the file by onnxruntime in Python (numpy) and in Node (onnxruntime-node),
 * printing every output. Pure: strings in, source code out.
 */

/** One input of the example: a single sample (batch 1), values row-major. */
export interface ExampleFeed {
  name: string;
  dtype: PortDtype;
  shape: number[];
  values: (number | string)[];
}

/** A batch tensor as the export's verification carries it (trainer-job.ts RawTensor or SampleTensor). */
export interface BatchTensor {
  name: string;
  dtype: PortDtype;
  shape: number[];
  data: ArrayLike<number | bigint | string>;
}

/**
 * Above this many values an input is not written out in the example (a 224x224 RGB image is
 * 150,528 numbers): the example builds a zero tensor of the right shape and says where the
 * user's data goes, so the README stays readable.
 */
export const EXAMPLE_VALUE_LIMIT = 4096;

/** The first sample of each batch tensor, with a batch of 1; null when a tensor holds no sample. */
export function firstSample(tensors: readonly BatchTensor[]): ExampleFeed[] | null {
  const feeds: ExampleFeed[] = [];
  for (const t of tensors) {
    if (t.shape.length === 0 || t.shape[0] < 1) return null;
    const per = t.shape.slice(1).reduce((a, b) => a * b, 1);
    const values: (number | string)[] = [];
    for (let i = 0; i < per && i < t.data.length; i++) {
      const v = t.data[i];
      values.push(typeof v === "bigint" ? Number(v) : v);
    }
    if (values.length < per) return null;
    feeds.push({ name: t.name, dtype: t.dtype, shape: [1, ...t.shape.slice(1)], values });
  }
  return feeds;
}

/**
 * The shortest decimal that reads back as the same float32 (5.1 rather than 5.099999904632568),
 * so the example's numbers look like the user's data and still feed the exact sample.
 */
export function float32Literal(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const f = Math.fround(v);
  if (Object.is(f, -0)) return "-0";
  for (let digits = 1; digits <= 9; digits++) {
    const s = String(Number(f.toPrecision(digits)));
    if (Math.fround(Number(s)) === f) return s;
  }
  return String(f);
}

function literal(v: number | string, dtype: PortDtype, lang: "python" | "node"): string {
  if (typeof v === "string" || dtype === "string") return JSON.stringify(String(v));
  if (Number.isNaN(v)) return lang === "python" ? "np.nan" : "NaN";
  if (!Number.isFinite(v)) return (v > 0 ? "" : "-") + (lang === "python" ? "np.inf" : "Infinity");
  if (dtype === "float32") return float32Literal(v);
  return String(Math.trunc(v));
}

function list(f: ExampleFeed, lang: "python" | "node"): string {
  return f.values.map((v) => literal(v, f.dtype, lang)).join(", ");
}

const NUMPY: Record<PortDtype, string> = {
  float32: "np.float32",
  int32: "np.int32",
  int64: "np.int64",
  uint8: "np.uint8",
  string: "object",
};

const TYPED: Record<Exclude<PortDtype, "string">, string> = {
  float32: "Float32Array",
  int32: "Int32Array",
  int64: "BigInt64Array",
  uint8: "Uint8Array",
};

const tooBig = (f: ExampleFeed) => f.values.length > EXAMPLE_VALUE_LIMIT;
const placeholder = (f: ExampleFeed) => `${f.name}: ${f.values.length} values; put your own data here`;

/** The Python example: numpy + onnxruntime, run in the folder that holds `modelFile`. */
export function pythonExample(modelFile: string, feeds: readonly ExampleFeed[]): string {
  const lines = [
    "import numpy as np",
    "import onnxruntime as ort",
    "",
    `session = ort.InferenceSession(${JSON.stringify(modelFile)})`,
    "feeds = {",
  ];
  for (const f of feeds) {
    const shape = `(${f.shape.join(", ")}${f.shape.length === 1 ? "," : ""})`;
    const dtype = NUMPY[f.dtype];
    if (tooBig(f)) {
      lines.push(`    # ${placeholder(f)}`);
      const zero = f.dtype === "string" ? `np.full(${shape}, "", dtype=object)` : `np.zeros(${shape}, dtype=${dtype})`;
      lines.push(`    ${JSON.stringify(f.name)}: ${zero},`);
    } else {
      lines.push(`    ${JSON.stringify(f.name)}: np.array([${list(f, "python")}], dtype=${dtype}).reshape(${shape}),`);
    }
  }
  lines.push(
    "}",
    "for output, value in zip(session.get_outputs(), session.run(None, feeds)):",
    '    print(output.name + ":", value.tolist())',
  );
  return lines.join("\n");
}

/** The Node example: onnxruntime-node (CommonJS, `node example.js` in the folder that holds `modelFile`). */
export function nodeExample(modelFile: string, feeds: readonly ExampleFeed[]): string {
  const lines = [
    'const ort = require("onnxruntime-node");',
    "",
    "async function main() {",
    `  const session = await ort.InferenceSession.create(${JSON.stringify(modelFile)});`,
    "  const feeds = {",
  ];
  for (const f of feeds) {
    const shape = `[${f.shape.join(", ")}]`;
    let data: string;
    if (f.dtype === "string") data = tooBig(f) ? `new Array(${f.values.length}).fill("")` : `[${list(f, "node")}]`;
    else if (tooBig(f)) data = `new ${TYPED[f.dtype]}(${f.values.length})`;
    else if (f.dtype === "int64") data = `BigInt64Array.from([${list(f, "node")}], BigInt)`;
    else data = `${TYPED[f.dtype]}.from([${list(f, "node")}])`;
    if (tooBig(f)) lines.push(`    // ${placeholder(f)}`);
    lines.push(`    ${JSON.stringify(f.name)}: new ort.Tensor(${JSON.stringify(f.dtype)}, ${data}, ${shape}),`);
  }
  lines.push(
    "  };",
    "  const results = await session.run(feeds);",
    "  for (const name of session.outputNames) {",
    '    const values = Array.from(results[name].data, (v) => (typeof v === "bigint" ? Number(v) : v));',
    '    console.log(name + ": " + JSON.stringify(values));',
    "  }",
    "}",
    "",
    "main().catch((error) => {",
    "  console.error(error);",
    "  process.exit(1);",
    "});",
  );
  return lines.join("\n");
}
