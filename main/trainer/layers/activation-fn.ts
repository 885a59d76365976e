import * as tf from "@tensorflow/tfjs";
import { ACTIVATION_DEFAULTS, type ActivationOpts } from "../../../shared/layers/activation-math";
import type { ActivationName } from "../../../shared/layers/activations";

const DEFAULTS: Partial<Record<ActivationName, ActivationOpts>> = ACTIVATION_DEFAULTS;

/**
 * Activation functions as tfjs ops, for the ones tfjs lacks (step, bipolarSigmoid, leakyRelu as a
 * string, sigmoid with a steepness, ELU with any alpha) and for use inside custom layers. Every
 * expression avoids comparison ops on the gradient path: tfjs has no gradient for Greater & co.
 */
export function applyActivation(name: ActivationName, x: tf.Tensor, opts: ActivationOpts = {}): tf.Tensor {
  const alpha = opts.alpha ?? DEFAULTS[name]?.alpha ?? 0;
  const lambda = opts.lambda ?? 1;
  switch (name) {
    case "linear":
      return x;
    case "step":
      return heaviside(x, opts.threshold ?? 0);
    case "sigmoid":
      return tf.sigmoid(lambda === 1 ? x : tf.mul(x, lambda));
    case "bipolarSigmoid":
      return tf.tanh(tf.mul(x, lambda / 2)); // 2 sigma(lambda x) - 1 = tanh(lambda x / 2)
    case "tanh":
      return tf.tanh(x);
    case "relu":
      return tf.relu(x);
    case "relu6":
      return tf.relu6(x);
    case "leakyRelu":
      return tf.leakyRelu(x, alpha);
    case "elu":
      // relu(x) + alpha (exp(min(x, 0)) - 1): ELU for any alpha with differentiable pieces only.
      return alpha === 1 ? tf.elu(x) : tf.add(tf.relu(x), tf.mul(alpha, tf.sub(tf.exp(tf.minimum(x, 0)), 1)));
    case "selu":
      return tf.selu(x);
    case "softplus":
      return tf.softplus(x);
    case "softsign":
      return tf.div(x, tf.add(tf.abs(x), 1));
    case "hardSigmoid":
      return tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
    case "swish":
      return tf.mul(x, tf.sigmoid(x));
    case "mish":
      return tf.mul(x, tf.tanh(tf.softplus(x)));
    case "gelu":
      return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
    case "softmax":
      return tf.softmax(x);
  }
}

/**
 * 1 where x >= threshold, else 0, with a zero gradient: the step has no useful derivative, and the
 * perceptron rule (not backpropagation) trains it. A zero gradient keeps other layers trainable.
 */
function heaviside(x: tf.Tensor, threshold: number): tf.Tensor {
  // customGrad passes (inputs..., save); only the tensor matters here.
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const value = tf.tidy(() => tf.cast(tf.greaterEqual(input, threshold), "float32"));
    return { value, gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
  });
  return f(x as tf.Tensor) as tf.Tensor;
}

/** Element-wise activation as a layer, serializable, for activations tfjs has no string for. */
export class ActivationFn extends tf.layers.Layer {
  static className = "NetForgeActivation";
  private readonly fn: ActivationName;
  private readonly opts: ActivationOpts;

  constructor(config: { fn: ActivationName; opts?: ActivationOpts; name?: string }) {
    super({ name: config.name });
    this.fn = config.fn;
    this.opts = config.opts ?? {};
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => applyActivation(this.fn, Array.isArray(inputs) ? inputs[0] : inputs, this.opts));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), fn: this.fn, opts: { ...this.opts } };
  }
}
tf.serialization.registerClass(ActivationFn);
