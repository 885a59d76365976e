import * as tf from "@tensorflow/tfjs";

/**
 * tfjs 4.22 drops the weight regularizers of recurrent layers. The cell creates the weights, so
 * the penalty functions land in `cell.losses`, but training sums `layer.losses` of the model's
 * layers and RNN does not forward its cell's (tfjs-layers recurrent.ts). Bidirectional forwards
 * the losses of the layer it was given, which it never builds: it trains two clones of it
 * (wrappers.ts). Both getters are patched once, here, so that saved and reloaded models behave
 * the same as freshly built ones.
 */
type RegularizerFn = () => tf.Scalar;
interface WithLosses {
  _losses?: RegularizerFn[];
  cell?: { losses: RegularizerFn[] };
  forwardLayer?: { losses: RegularizerFn[] };
  backwardLayer?: { losses: RegularizerFn[] };
}

let patched = false;

export function patchRecurrentLosses(): void {
  if (patched) return;
  patched = true;
  Object.defineProperty(tf.RNN.prototype, "losses", {
    configurable: true,
    get(this: WithLosses): RegularizerFn[] {
      return [...(this._losses ?? []), ...(this.cell?.losses ?? [])];
    },
  });
  const bidirectional = Object.getPrototypeOf(tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 1 }) }));
  Object.defineProperty(bidirectional, "losses", {
    configurable: true,
    get(this: WithLosses): RegularizerFn[] {
      return [...(this.forwardLayer?.losses ?? []), ...(this.backwardLayer?.losses ?? [])];
    },
  });
}
patchRecurrentLosses();
