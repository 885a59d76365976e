import * as tf from "@tensorflow/tfjs";
import { mulberry32, permutation } from "../../../shared/random";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import type { TrainingConfig } from "../../../shared/training/config";
import { type Compiled, compileGraph } from "../compile/compile";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";

type Done = Omit<Extract<TrainerMessage, { type: "done" }>, "type" | "runId" | "steps">;

export interface GanModels {
  generator: Compiled;
  discriminator: Compiled;
}

/** The two sub-networks of a canvas GAN, each ending in its marker block, compiled separately. */
export function compileGan(graph: unknown, markers: { generator: string; discriminator: string }): GanModels {
  return {
    generator: compileGraph(graph, { outputs: [markers.generator], name: "generator" }),
    discriminator: compileGraph(graph, { outputs: [markers.discriminator], name: "discriminator" }),
  };
}

/**
 * Alternating GAN training (Goodfellow et al. 2014, with the non-saturating generator loss):
 * per batch, one discriminator step on real samples (label 1) and generated ones (label 0), then
 * one generator step through the frozen discriminator (only the generator's weights are passed
 * to its optimizer) with target label 1. Both losses are binary cross-entropies.
 */
export async function trainGan(
  models: GanModels,
  real: tf.Tensor,
  config: TrainingConfig,
  opts: { runId: string; fromLogits: boolean; samplesPerEpoch: number; post: (m: TrainerMessage) => void },
  control: { stopped(): boolean; waitIfPaused(): Promise<void> },
  counters: { step: number },
): Promise<Done> {
  const G = models.generator.model;
  const D = models.discriminator.model;
  const latent = G.inputs[0].shape.slice(1) as number[];
  const optG = createOptimizer(config.optimizer, config.learningRate);
  const optD = createOptimizer(config.optimizer, config.learningRate);
  const gVars = G.trainableWeights.map((w) => w.read() as tf.Variable);
  const dVars = D.trainableWeights.map((w) => w.read() as tf.Variable);
  const bce = (labels: tf.Tensor, out: tf.Tensor) =>
    opts.fromLogits
      ? tf.losses.sigmoidCrossEntropy(labels, out)
      : tf.losses.logLoss(labels, tf.clipByValue(out, 1e-7, 1 - 1e-7));
  const n = real.shape[0];
  const random = mulberry32(config.seed ?? 1);
  const fixedNoise = tf.randomNormal([opts.samplesPerEpoch || 1, ...latent], 0, 1, "float32", config.seed ?? undefined);
  let metrics: Record<string, number | null> = {};
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const started = Date.now();
      const order = permutation(n, random);
      let dSum = 0;
      let gSum = 0;
      let batches = 0;
      for (let start = 0; start < n; start += config.batchSize) {
        const idx = tf.tensor1d(order.subarray(start, start + config.batchSize), "int32");
        const batch = idx.shape[0];
        const xb = tf.gather(real, idx);
        const dLoss = optD.minimize(
          () =>
            tf.tidy(() => {
              const fake = G.predict(tf.randomNormal([batch, ...latent])) as tf.Tensor;
              const onReal = bce(tf.ones([batch, 1]), D.apply(xb, { training: true }) as tf.Tensor);
              const onFake = bce(tf.zeros([batch, 1]), D.apply(fake, { training: true }) as tf.Tensor);
              return tf.add(onReal, onFake) as tf.Scalar;
            }),
          true,
          dVars,
        );
        const gLoss = optG.minimize(
          () =>
            tf.tidy(() => {
              const fake = G.apply(tf.randomNormal([batch, ...latent]), { training: true }) as tf.Tensor;
              return bce(tf.ones([batch, 1]), D.apply(fake) as tf.Tensor) as tf.Scalar;
            }),
          true,
          gVars,
        );
        const [d, g] = [dLoss?.dataSync()[0] ?? Number.NaN, gLoss?.dataSync()[0] ?? Number.NaN];
        tf.dispose([idx, xb, ...(dLoss ? [dLoss] : []), ...(gLoss ? [gLoss] : [])]);
        counters.step++;
        batches++;
        dSum += d;
        gSum += g;
        if (!Number.isFinite(d) || !Number.isFinite(g)) {
          return {
            reason: "diverged",
            epochs: epoch + 1,
            metrics,
            message: `a GAN loss became ${Number.isFinite(d) ? g : d} at epoch ${epoch + 1} (learning rate ${config.learningRate}); lower the learning rate`,
          };
        }
        await new Promise((r) => setImmediate(r));
        await control.waitIfPaused();
        if (control.stopped())
          return { reason: "stopped", epochs: epoch, metrics, message: `stopped during epoch ${epoch + 1}` };
      }
      metrics = { d_loss: dSum / batches, g_loss: gSum / batches };
      opts.post({
        type: "epoch",
        runId: opts.runId,
        epoch,
        epochs: config.epochs,
        metrics,
        durationMs: Date.now() - started,
      });
      if (opts.samplesPerEpoch > 0) {
        const samples = tf.tidy(() => G.predict(fixedNoise) as tf.Tensor);
        opts.post({
          type: "samples",
          runId: opts.runId,
          epoch,
          shape: samples.shape,
          values: Array.from(samples.dataSync()),
        });
        samples.dispose();
      }
    }
    return { reason: "completed", epochs: config.epochs, metrics };
  } finally {
    fixedNoise.dispose();
    disposeOptimizer(optG);
    disposeOptimizer(optD);
  }
}
