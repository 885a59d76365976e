import type { DatasetSummary } from "../datasets/summary";
import type { GraphAnalysis } from "../shapes/infer";
import { DEFAULT_LEARNING_RATE } from "./config";
import { isGanGraph } from "./gan-losses";
import { suggestLoss } from "./loss-suggest";
import { validationFraction } from "./validation";

/**
 * What a project's training settings mean where they are silent: the defaults follow the model and
 * the data instead of one fixed set (MSE, no metric, Adam at 0.001 for 20 epochs, under which XOR
 * never learns). The loss is the one suggestLoss picks from the output block and the labels,
 * accuracy is on for classification (mean absolute error for regression), Adam runs at 0.01 (the
 * perceptron rule at 0.1 for a Perceptron output), and
 * the epochs give a small dataset as many updates as a large one gets in ten epochs. Whatever the
 * project sets wins; the host, the CLI and the Train tab all read the settings through
 * resolveTraining, so what the form shows is what trains.
 */

/** Adam at Keras' 0.001 needs thousands of steps on the bundled examples; 0.01 trains them all. */
export const MODEL_LEARNING_RATE = 0.01;
/** Optimizer steps the epochs default aims at, and its bounds (a large set still sees every sample 10 times). */
export const TARGET_STEPS = 1500;
export const MIN_EPOCHS = 10;
export const MAX_EPOCHS = 500;
const BATCH_SIZE = 32;

type Raw = Record<string, unknown>;

/** The settings that follow the model and the data; only the keys `raw` leaves out matter. */
export function modelDefaults(raw: Raw, graph: GraphAnalysis, summary: DatasetSummary | null): Raw {
  const out: Raw = {};
  // GANs and VAEs train with their own losses (main/trainer/run/gan.ts, the VAE's KL term).
  if (isGanGraph(graph) || Object.values(graph.nodes).some((n) => n.kind === "VAESampling")) return out;
  const suggestion = suggestLoss(graph, summary);
  if (suggestion) out.loss = suggestion.loss;
  // Without data, a sigmoid or softmax output (a cross-entropy suggestion) means classification.
  const task = summary?.task ?? (suggestion && suggestion.loss.type !== "meanSquaredError" ? "classification" : null);
  if (task === "classification") out.metrics = ["accuracy"];
  else if (task === "regression") out.metrics = ["mae"];
  // The rate belongs to the optimizer: a project that names its optimizer gets that one's default.
  if (raw.optimizer === undefined) {
    // Backpropagation leaves a Perceptron block alone (its step has no slope): the perceptron rule trains it.
    const perceptron = graph.outputs.length === 1 && graph.nodes[graph.outputs[0]]?.kind === "Perceptron";
    out.optimizer = { type: perceptron ? "perceptron" : "adam" };
    out.learningRate = perceptron ? DEFAULT_LEARNING_RATE.perceptron : MODEL_LEARNING_RATE;
  }
  if (summary && summary.rows > 0) {
    const batch = typeof raw.batchSize === "number" && raw.batchSize >= 1 ? raw.batchSize : BATCH_SIZE;
    out.epochs = defaultEpochs(trainingRows(raw, summary), batch);
  }
  return out;
}

/** The project's settings with the model's and data's defaults filled in where it is silent. */
export function resolveTraining(raw: Raw, graph: GraphAnalysis, summary: DatasetSummary | null): Raw {
  return { ...modelDefaults(raw, graph, summary), ...raw };
}

/** Epochs that give about TARGET_STEPS updates, within [MIN_EPOCHS, MAX_EPOCHS]. */
export function defaultEpochs(rows: number, batchSize: number): number {
  // NaN and non-positive counts mean "no rows known": one step per epoch, the most epochs.
  const n = rows > 1 ? rows : 1;
  const batch = batchSize > 1 && Number.isFinite(batchSize) ? batchSize : 1;
  const steps = Math.max(1, Math.ceil(n / batch));
  return Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, Math.ceil(TARGET_STEPS / steps)));
}

/** Rows left for training after the validation and test parts (the split the probe reported, if any). */
function trainingRows(raw: Raw, summary: DatasetSummary): number {
  if (summary.splits) return summary.splits.train.reduce((a, b) => a + b, 0);
  return summary.rows - Math.floor(summary.rows * validationFraction(raw));
}
