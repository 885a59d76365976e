import * as tf from "@tensorflow/tfjs";

/**
 * A loss term a layer computes in call() and tfjs reads later through the layer's addLoss closure.
 *
 * tfjs 4.22 runs a model's forward pass inside tidy() and only afterwards calls each layer's loss
 * closures (LayersModel.calculateLosses, still inside fit()'s gradient tape), so the term must
 * survive that tidy: it is kept, and released when the next call replaces it or the layer is
 * disposed. At most one tensor per layer stays alive. A custom training loop gets the same term
 * from `model.calculateLosses()` (as train/step.ts does) after its forward pass, inside the same
 * gradient scope; `model.losses` is the container's own (empty) list in tfjs 4.22 and does not
 * collect the layers' terms.
 */
export class StashedLoss {
  private term: tf.Scalar | null = null;

  /** Replaces the stored term with `value` (a scalar made in the current forward pass). */
  set(value: tf.Scalar): void {
    this.term?.dispose();
    this.term = tf.keep(value);
  }

  /** The term from the latest forward pass, times `weight`; 0 when there was none. */
  read(weight = 1): tf.Scalar {
    if (!this.term || this.term.isDisposed) return tf.scalar(0);
    return weight === 1 ? tf.clone(this.term) : tf.mul(this.term, weight);
  }

  /** The raw term of the latest forward pass (null before the first call), for tests and logs. */
  peek(): tf.Scalar | null {
    return this.term && !this.term.isDisposed ? this.term : null;
  }

  dispose(): void {
    this.term?.dispose();
    this.term = null;
  }
}
