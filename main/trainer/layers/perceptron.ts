import * as tf from "@tensorflow/tfjs";
import { applyActivation } from "./activation-fn";

export type OutputCoding = "zeroOne" | "bipolar";

export interface PerceptronConfig {
  units: number;
  threshold: number;
  outputCoding: OutputCoding;
  name?: string;
}

/**
 * Rosenblatt's threshold unit (shared/layers/core.ts Perceptron): z = x W + b, y = 1 where
 * z >= threshold, else 0 (zeroOne) or -1 (bipolar). The step has a zero gradient (see
 * ActivationFn's heaviside), so backpropagation leaves it alone; the perceptron rule trains it.
 * Weights start at zero, the textbook starting point, so a run of the rule is reproducible by hand.
 */
export class Perceptron extends tf.layers.Layer {
  static className = "NetForgePerceptron";
  readonly units: number;
  readonly threshold: number;
  readonly outputCoding: OutputCoding;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: PerceptronConfig) {
    super({ name: config.name });
    this.units = config.units;
    this.threshold = config.threshold;
    this.outputCoding = config.outputCoding;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const n = shape[shape.length - 1];
    if (n === null || n === undefined) throw new Error(`${this.name}: the number of input features must be known`);
    // Spec order: kernel [n, units], then bias [units].
    this.kernel = this.addWeight("kernel", [n, this.units], "float32", tf.initializers.zeros());
    this.bias = this.addWeight("bias", [this.units], "float32", tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const z = tf.add(
        tf.matMul(x as tf.Tensor2D, (this.kernel as tf.LayerVariable).read() as tf.Tensor2D),
        (this.bias as tf.LayerVariable).read(),
      );
      return perceptronOutput(z, this.threshold, this.outputCoding);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, threshold: this.threshold, outputCoding: this.outputCoding };
  }
}
tf.serialization.registerClass(Perceptron);

/** step(z - threshold) in the chosen coding: {0, 1} or {-1, +1}; zero gradient throughout. */
export function perceptronOutput(z: tf.Tensor, threshold: number, coding: OutputCoding): tf.Tensor {
  const step = applyActivation("step", z, { threshold });
  return coding === "bipolar" ? tf.sub(tf.mul(step, 2), 1) : step;
}

export interface PerceptronWeights {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/**
 * One step of the perceptron rule for one sample (shared/layers/core.ts, notes 002:L316-328):
 * W <- W + eta (y - yhat) x, b <- b + eta (y - yhat), per unit and only where that unit erred
 * (y == yhat gives a zero change by construction). Pure: returns new tensors, disposes nothing.
 * `mistake` says whether any unit changed.
 */
export function perceptronRule(
  w: PerceptronWeights,
  x: tf.Tensor | readonly number[],
  y: tf.Tensor | readonly number[],
  yhat: tf.Tensor | readonly number[],
  eta: number,
): PerceptronWeights & { mistake: boolean } {
  const [n, units] = w.kernel.shape;
  const delta = tf.tidy(() => tf.mul(tf.sub(as1d(y, units), as1d(yhat, units)), eta) as tf.Tensor1D);
  const mistake = tf.tidy(() => tf.max(tf.abs(delta)).dataSync()[0] > 0);
  const out = tf.tidy(() => ({
    // Outer product x^T delta: [n, 1] x [1, units].
    kernel: tf.add(w.kernel, tf.matMul(as1d(x, n).reshape([n, 1]), delta.reshape([1, units]))) as tf.Tensor2D,
    bias: tf.add(w.bias, delta) as tf.Tensor1D,
  }));
  delta.dispose();
  return { ...out, mistake };
}

/**
 * Applies one perceptron-rule step to a built Perceptron layer in place (what the trainer calls
 * per sample). Returns true when the sample was misclassified and the weights changed.
 */
export function applyPerceptronRule(
  layer: Perceptron,
  x: tf.Tensor | readonly number[],
  y: tf.Tensor | readonly number[],
  yhat: tf.Tensor | readonly number[],
  eta: number,
): boolean {
  const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const next = perceptronRule({ kernel, bias }, x, y, yhat, eta);
  if (next.mistake) layer.setWeights([next.kernel, next.bias]);
  tf.dispose([next.kernel, next.bias]);
  return next.mistake;
}

function as1d(v: tf.Tensor | readonly number[], size: number): tf.Tensor1D {
  const t = v instanceof tf.Tensor ? v.reshape([size]) : tf.tensor1d(v as number[]);
  if (t.size !== size) throw new Error(`perceptron rule: expected ${size} values, received ${t.size}`);
  return tf.cast(t, "float32") as tf.Tensor1D;
}
