import * as tf from "@tensorflow/tfjs";
import type { Regularizer } from "../../../shared/layers/params";
import { inputList } from "./layer-io";
import { StashedLoss } from "./stashed-loss";

/**
 * Identity that adds an L1/L2 penalty on its input to the loss: (l1 sum|y| + l2 sum y^2) / batch,
 * as Keras divides activity penalties by the batch size. tfjs 4.22 throws "Layer invocation in the
 * presence of activity regularizer(s) is not supported yet" for any layer given an
 * activityRegularizer, so builders put this layer (named <name>_activity) after the main one.
 */
export class ActivityRegularizationLayer extends tf.layers.Layer {
  static className = "NetForgeActivityRegularization";
  readonly l1: number;
  readonly l2: number;
  private readonly penalty = new StashedLoss();

  constructor(config: { l1?: number; l2?: number; name?: string }) {
    super({ name: config.name });
    this.l1 = config.l1 ?? 0;
    this.l2 = config.l2 ?? 0;
    this.supportsMasking = true;
    this.addLoss(() => this.penalty.read());
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [y] = inputList(inputs);
    const batch = y.shape[0] ?? 1;
    const penalty = tf.tidy(() => {
      let p: tf.Tensor = tf.scalar(0);
      if (this.l1 !== 0) p = tf.add(p, tf.mul(this.l1, tf.sum(tf.abs(y))));
      if (this.l2 !== 0) p = tf.add(p, tf.mul(this.l2, tf.sum(tf.square(y))));
      return tf.div(p, batch) as tf.Scalar;
    });
    this.penalty.set(penalty);
    return y;
  }

  override dispose(): ReturnType<tf.layers.Layer["dispose"]> {
    this.penalty.dispose();
    return super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), l1: this.l1, l2: this.l2 };
  }
}
tf.serialization.registerClass(ActivityRegularizationLayer);

/** The activity layer for a spec's activityRegularizer param, or null when there is no penalty. */
export function activityLayer(r: Regularizer | null, name: string): ActivityRegularizationLayer | null {
  if (r === null || (r.l1 === 0 && r.l2 === 0)) return null;
  return new ActivityRegularizationLayer({ l1: r.l1, l2: r.l2, name: `${name}_activity` });
}
