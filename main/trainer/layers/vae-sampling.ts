import * as tf from "@tensorflow/tfjs";
import { inputList, isTraining, type Kwargs, type ShapeList, shapeList } from "./layer-io";
import { StashedLoss } from "./stashed-loss";

/**
 * KL(N(mean, exp(logVar)) || N(0, I)) = -0.5 sum_j (1 + logVar_j - mean_j^2 - exp(logVar_j)) per
 * sample (summed over every non-batch axis), averaged over the batch (Kingma & Welling 2014, app. B).
 */
export function klDivergence(mean: tf.Tensor, logVar: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const terms = tf.sub(tf.sub(tf.add(1, logVar), tf.square(mean)), tf.exp(logVar));
    const axes = Array.from({ length: mean.rank - 1 }, (_, i) => i + 1);
    return tf.mean(tf.mul(-0.5, tf.sum(terms, axes))) as tf.Scalar;
  });
}

/**
 * The VAE reparameterisation: z = mean + exp(0.5 logVar) * eps (eps ~ N(0, I)) when training,
 * z = mean at inference. Each forward pass computes klWeight * KL, which fit() adds to the loss
 * through addLoss; custom loops read it with `calculateLosses()` (see StashedLoss) or `klLoss()`.
 */
export class VAESamplingLayer extends tf.layers.Layer {
  static className = "NetForgeVAESampling";
  readonly klWeight: number;
  private readonly kl = new StashedLoss();

  constructor(config: { klWeight?: number; name?: string }) {
    super({ name: config.name });
    this.klWeight = config.klWeight ?? 1;
    if (this.klWeight !== 0) this.addLoss(() => this.klLoss());
  }

  /** klWeight * KL of the latest forward pass (a fresh scalar; 0 before the first pass). */
  klLoss(): tf.Scalar {
    return this.kl.read(this.klWeight);
  }

  /** The unweighted KL of the latest forward pass, or null. Owned by the layer: do not dispose. */
  lastKl(): tf.Scalar | null {
    return this.kl.peek();
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    const [mean, logVar] = shapeList(inputShape);
    return mean.map((d, i) => d ?? logVar[i] ?? null);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    const [mean, logVar] = inputList(inputs);
    // Outside tidy: the KL must stay attached to this forward pass's gradient tape.
    if (this.klWeight !== 0) this.kl.set(klDivergence(mean, logVar));
    if (!isTraining(kwargs)) return mean;
    return tf.tidy(() => tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), tf.randomNormal(mean.shape))));
  }

  override dispose(): ReturnType<tf.layers.Layer["dispose"]> {
    this.kl.dispose();
    return super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), klWeight: this.klWeight };
  }
}
tf.serialization.registerClass(VAESamplingLayer);
