import type { DatasetSummary } from "../datasets/summary";
import type { GraphAnalysis } from "../shapes/infer";
import type { LossConfig } from "./config";

export interface LossSuggestion {
  loss: LossConfig;
  /** Why this loss, in one sentence the form shows beside it. */
  reason: string;
}

/**
 * The loss that fits the output block and the labels (Keras' guidance): one sigmoid unit for two
 * classes -> binary cross-entropy; one unit per class with softmax -> sparse categorical
 * cross-entropy (the data gives class ids; categorical for one-hot rows); the same without a final
 * activation -> the same loss from logits; regression and reconstruction -> mean squared error. null when nothing fits.
 */
export function suggestLoss(graph: GraphAnalysis, summary: DatasetSummary | null): LossSuggestion | null {
  if (graph.outputs.length !== 1) return null;
  const out = graph.nodes[graph.outputs[0]];
  const units = out?.outputShapes?.[0]?.at(-1) ?? null;
  if (!out || units === null) return null;
  if (out.kind === "Perceptron") {
    // Its step output is neither a probability nor a logit; the perceptron rule trains it.
    return {
      loss: { type: "meanSquaredError" },
      reason: "a Perceptron's 0/1 step output: mean squared error counts its mistakes (the perceptron rule trains it)",
    };
  }
  const activation = outputActivation(out.kind, out.params);
  const task = summary?.task ?? (activation === "softmax" || activation === "sigmoid" ? "classification" : null);
  const classes = summary?.classes.length ?? 0;
  if (task === "classification") {
    if (units === 1) {
      const logits = activation === "linear";
      return {
        loss: { type: "binaryCrossentropy", fromLogits: logits },
        reason: `one ${logits ? "linear (logit)" : activation} output unit and two classes: binary cross-entropy${logits ? " from logits" : ""}`,
      };
    }
    const logits = activation === "linear";
    if (activation === "softmax" || logits) {
      // One-hot rows are compared whole; class ids go through the sparse loss.
      const oneHot = summary?.labels === "oneHot";
      return {
        loss: { type: oneHot ? "categoricalCrossentropy" : "sparseCategoricalCrossentropy", fromLogits: logits },
        reason: `${units} ${logits ? "linear (logit)" : "softmax"} outputs${classes ? ` for ${classes} classes` : ""} and ${oneHot ? "one-hot" : "class-id"} labels: ${oneHot ? "" : "sparse "}categorical cross-entropy${logits ? " from logits" : ""}`,
      };
    }
    if (activation === "sigmoid") {
      return {
        loss: { type: "binaryCrossentropy", fromLogits: false },
        reason: `${units} independent sigmoid outputs: binary cross-entropy per output`,
      };
    }
    return null;
  }
  if (task === "regression" || task === "unsupervised") {
    return {
      loss: { type: "meanSquaredError" },
      reason:
        task === "regression"
          ? "numeric targets: mean squared error (mean absolute error if outliers should count less)"
          : "reconstructing the input: mean squared error",
    };
  }
  return null;
}

/** The activation of an output block: Dense/Conv's `activation` param or an activation layer. */
export function outputActivation(kind: string, params: Record<string, unknown> | null): string {
  if (kind === "Softmax") return "softmax";
  if (kind === "ReLU" || kind === "LeakyReLU" || kind === "ELU" || kind === "PReLU") return "relu";
  const a = params?.activation;
  return typeof a === "string" ? a : "linear";
}

/** Same loss (type and options), so the form can say "suggested" only when it differs. */
export function sameLoss(a: unknown, b: LossConfig): boolean {
  if (!a || typeof a !== "object") return false;
  const x = a as Record<string, unknown>;
  if (x.type !== b.type) return false;
  return !("fromLogits" in b) || Boolean(x.fromLogits) === b.fromLogits;
}
