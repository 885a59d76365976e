import type * as tf from "@tensorflow/tfjs";
import type { TrainerMessage, TrainerRequest } from "../../../shared/trainer/protocol";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { saveFinal } from "./checkpoint";
import { compileGan, trainGan } from "./gan";
import { ganOptions, realSamples } from "./gan-data";
import { guardCompile } from "./run-error";
import { assertTrainable } from "./trainable";

type Start = Extract<TrainerRequest, { type: "start" }>;

/**
 * A GAN run (startRun's branch for a graph with both markers): the two halves compiled, trained
 * on the real samples, the last checkpoint saved with both halves' weights. `onGenerator` hands
 * the generator to the run handle (predict, evaluate and dispose use it).
 */
export async function runGan(
  req: Start,
  markers: { generator: string; discriminator: string },
  config: TrainingConfig,
  post: (m: TrainerMessage) => void,
  control: { stopped(): boolean; waitIfPaused(): Promise<void> },
  counters: { step: number },
  onGenerator: (generator: Compiled) => void,
): Promise<void> {
  const models = guardCompile(() => compileGan(req.graph, markers));
  onGenerator(models.generator);
  let real: tf.Tensor | null = null;
  try {
    assertTrainable(models.generator, "the generator");
    assertTrainable(models.discriminator, "the discriminator");
    real = await realSamples(req.data, models.discriminator);
    const options = { runId: req.runId, post, ...ganOptions(models) };
    const end = await trainGan(models, real, config, options, control, counters);
    await saveFinal(req, models.generator.model, end.epochs, post, models.discriminator.model);
    post({ type: "done", runId: req.runId, steps: counters.step, ...end });
  } finally {
    real?.dispose();
    models.discriminator.model.dispose();
  }
}
