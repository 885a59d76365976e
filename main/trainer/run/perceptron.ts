import * as tf from "@tensorflow/tfjs";
import { mulberry32, permutation } from "../../../shared/random";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { applyPerceptronRule, Perceptron } from "../layers/perceptron";
import type { BoundaryReporter } from "./boundary-reporter";
import type { PreparedData } from "./data";

type Done = Omit<Extract<TrainerMessage, { type: "done" }>, "type" | "runId" | "steps">;

/** The single Perceptron layer the rule can train, or a message saying why this model has none. */
export function perceptronLayer(c: Compiled): Perceptron | string {
  const layers = [...c.layersByNode.values()].flat();
  const trainable = layers.filter((l) => l.trainableWeights.length > 0);
  if (trainable.length === 1 && trainable[0] instanceof Perceptron) return trainable[0];
  return `the perceptron rule trains one Perceptron block (Input -> Perceptron); this model has ${trainable.length} layer(s) with weights (${trainable.map((l) => l.getClassName()).join(", ") || "none"}). Use a gradient optimizer (sgd, adam, ...) for other networks.`;
}

/**
 * Rosenblatt's rule, sample by sample: w <- w + eta (y - yhat) x, b <- b + eta (y - yhat), only on
 * mistakes. An epoch without a mistake means the data are separated: the run ends there
 * (reason early-stopped), as the notes' stopping criterion says.
 */
export async function trainPerceptron(
  layer: Perceptron,
  model: tf.LayersModel,
  data: PreparedData,
  config: TrainingConfig,
  opts: { runId: string; post: (m: TrainerMessage) => void; boundary: BoundaryReporter | null },
  control: { stopped(): boolean; waitIfPaused(): Promise<void> },
  counters: { step: number },
): Promise<Done> {
  const random = mulberry32(config.seed ?? 1);
  const xs = (data.x as tf.Tensor).arraySync() as number[][]; // one Input (startRun refuses several)
  const ys = data.y.arraySync() as number[][];
  let metrics: Record<string, number | null> = {};
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const started = Date.now();
    const order = config.shuffle ? permutation(data.n, random) : Int32Array.from({ length: data.n }, (_, i) => i);
    let mistakes = 0;
    let sse = 0;
    for (const i of order) {
      const yhat = tf.tidy(() => Array.from((model.predict(tf.tensor2d([xs[i]])) as tf.Tensor).dataSync()));
      sse += ys[i].reduce((s, y, k) => s + (y - yhat[k]) ** 2, 0);
      if (applyPerceptronRule(layer, xs[i], ys[i], yhat, config.learningRate)) mistakes++;
      counters.step++;
      await control.waitIfPaused();
      if (control.stopped())
        return { reason: "stopped", epochs: epoch, metrics, message: `stopped during epoch ${epoch + 1}` };
    }
    metrics = { loss: (0.5 * sse) / data.n, mistakes, accuracy: 1 - mistakes / data.n };
    opts.post({
      type: "epoch",
      runId: opts.runId,
      epoch,
      epochs: config.epochs,
      metrics,
      durationMs: Date.now() - started,
    });
    await opts.boundary?.epochEnd(model, epoch, mistakes === 0 || epoch === config.epochs - 1);
    await new Promise((r) => setImmediate(r));
    if (mistakes === 0) {
      return {
        reason: "early-stopped",
        epochs: epoch + 1,
        metrics,
        message: `converged: no mistakes in epoch ${epoch + 1}, the data are linearly separated`,
      };
    }
  }
  return {
    reason: "completed",
    epochs: config.epochs,
    metrics,
    message: "the rule did not converge; the data may not be linearly separable (XOR is not)",
  };
}
