import type { Prediction } from "../../../shared/evaluation/report";
import { classText, valuesText } from "../../../shared/onnx/answer-text";
import type { PipelinePort } from "../../../shared/onnx/pipeline/types";
import type { RawTensor } from "../../../shared/onnx/trainer-job";
import { type PredictContext, predictWith } from "../run/evaluate-predict";
import type { RawSamples } from "./raw-types";

/**
 * NetForge's answers on the raw samples, through the Try-it path (its encoding of the raw sample,
 * the model, probabilities and the class decision), shaped as the file's outputs: probabilities
 * (float), the label (string class name, or int64 id), the values (a regression, a forecast).
 * `text` is each sample's answer as the report prints it ("setosa 0.97").
 */
export async function netforgeAnswers(
  ctx: PredictContext,
  raw: RawSamples,
  outputs: readonly PipelinePort[],
): Promise<{ expected: RawTensor[]; text: string[] }> {
  const result = await predictWith(ctx, raw.samples);
  const predictions = result.predictions;
  const expected = outputs.map((port) => answerTensor(port, predictions));
  return { expected, text: predictions.map(answerText) };
}

function answerTensor(port: PipelinePort, predictions: readonly Prediction[]): RawTensor {
  const n = predictions.length;
  // A label per sample ([N] or [N, 1] as the port declares), probabilities [N, classes].
  const rows = (k: number) => (port.shape.length === 1 ? [n] : [n, k]);
  if (port.dtype === "string" || port.dtype === "int64") {
    const classes = predictions.map((p) => {
      if (p.kind !== "class")
        throw new Error(`the file's output "${port.name}" is a label, but NetForge answers values`);
      return p;
    });
    return port.dtype === "string"
      ? { name: port.name, dtype: "string", shape: rows(1), data: classes.map((p) => p.className) }
      : {
          name: port.name,
          dtype: "int64",
          shape: rows(1),
          data: BigInt64Array.from(classes, (p) => BigInt(p.classId)),
        };
  }
  const width = port.shape.at(-1);
  const values = predictions.map((p) => {
    if (p.kind === "values") return p.values;
    // A binary classifier's file may answer p (one column) or [1 - p, p].
    return width === 1 ? [p.probabilities[1]] : p.probabilities;
  });
  const k = values[0]?.length ?? 0;
  const data = Float32Array.from(values.flat());
  const first = predictions[0];
  const shape = first?.kind === "values" ? [n, ...first.shape] : rows(k);
  return port.dtype === "int32"
    ? { name: port.name, dtype: "int32", shape, data: Int32Array.from(data) }
    : { name: port.name, dtype: "float32", shape, data };
}

function answerText(p: Prediction): string {
  return p.kind === "class" ? classText(p.className, p.confidence) : valuesText(p.values);
}
