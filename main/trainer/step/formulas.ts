import { ACTIVATIONS, type ActivationName } from "../../../shared/layers/activations";
import { getSpec } from "../../../shared/layers/catalog";
import type { LossConfig, OptimizerConfig } from "../../../shared/training/config";

/** The formula shown beside a node: its layer spec's, as the editor's layer doc shows it. */
export function layerFormula(kind: string): string {
  return getSpec(kind)?.doc.formula ?? kind;
}

export function activationFormula(
  params: Record<string, unknown> | null,
): { name: string; formula: string } | undefined {
  const name = params?.activation;
  if (typeof name !== "string" || name === "linear") return undefined;
  const info = ACTIVATIONS[name as ActivationName];
  return info ? { name, formula: info.formula } : undefined;
}

/** Per sample, averaged over the batch (the trainer's loss functions; losses.ts). */
const LOSS_FORMULAS: Partial<Record<LossConfig["type"], string>> = {
  meanSquaredError: "L = 1/n sum_i (t_i - o_i)^2 over the n outputs (n = 2: L = sum_i 1/2 (t_i - o_i)^2)",
  meanAbsoluteError: "L = 1/n sum_i |t_i - o_i|",
  binaryCrossentropy: "L = -1/n sum_i [t_i ln o_i + (1 - t_i) ln(1 - o_i)]",
  categoricalCrossentropy: "L = -sum_c t_c ln o_c",
  sparseCategoricalCrossentropy: "L = -ln o_y (y = the class id)",
  huber: "L = 1/n sum_i (1/2 e_i^2 if |e_i| <= delta else delta (|e_i| - delta/2)), e = t - o",
  hinge: "L = 1/n sum_i max(0, 1 - t_i o_i)",
};

export function lossFormula(loss: LossConfig): string {
  return LOSS_FORMULAS[loss.type] ?? `${loss.type} (see the Loss setting's help)`;
}

const OPTIMIZER_FORMULAS: Record<OptimizerConfig["type"], string> = {
  sgd: "w' = w - lr * dL/dw",
  perceptron: "w' = w - lr * dL/dw",
  momentum: "v = momentum * v + dL/dw (v starts at 0); w' = w - lr * v",
  nesterov: "v = momentum * v + dL/dw; w' = w - lr * (dL/dw + momentum * v)",
  adagrad: "a = a0 + (dL/dw)^2; w' = w - lr * dL/dw / sqrt(a)",
  adadelta: "first step from zero accumulators (rho, epsilon)",
  rmsprop: "s = decay * s + (1 - decay) (dL/dw)^2; w' = w - lr * dL/dw / sqrt(s + eps)",
  adam: "first step: m^ = dL/dw, v^ = (dL/dw)^2; w' = w - lr * m^ / (sqrt(v^) + eps)",
  adamax: "first step: w' = w - lr * dL/dw / |dL/dw| (Adam with the infinity norm)",
};

export function optimizerFormula(o: OptimizerConfig): string {
  return OPTIMIZER_FORMULAS[o.type];
}
