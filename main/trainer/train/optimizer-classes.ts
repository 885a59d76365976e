import * as tf from "@tensorflow/tfjs";

/**
 * Optimizers NetForge writes itself because tfjs 4.22's are wrong:
 * - centered RMSProp: tfjs divides by sqrt(ms - (mg² + eps)), which is NaN whenever the gradient's
 *   variance estimate is below eps (a zero gradient on the first step is enough);
 * - Adadelta: tfjs scales by the previous step's RMS of the gradients instead of the updated one
 *   (Zeiler 2012, Algorithm 1, and Keras use E[g²]_t), so its first step is lr·g instead of ~lr·sqrt(eps).
 * Slots are keyed by variable name (tfjs keys them by position in the gradient list).
 */
/** tfjs-core's NamedTensor, which the tfjs umbrella package does not re-export. */
type NamedTensor = { name: string; tensor: tf.Tensor };

abstract class SlotOptimizer extends tf.Optimizer {
  protected readonly slots = new Map<string, tf.Variable[]>();
  protected abstract readonly slotNames: readonly string[];
  learningRate: number;

  constructor(learningRate: number) {
    super();
    this.learningRate = learningRate;
  }

  /** Computes the new weight value and assigns the slots; runs inside a tidy. */
  protected abstract update(value: tf.Variable, gradient: tf.Tensor, slots: tf.Variable[]): tf.Tensor;

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const pairs: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor])
      : Object.entries(variableGradients);
    for (const [name, gradient] of pairs) {
      if (gradient == null) continue;
      const value = tf.engine().registeredVariables[name];
      let slots = this.slots.get(name);
      if (!slots) {
        slots = this.slotNames.map(() => tf.tidy(() => tf.zerosLike(value).variable(false)));
        this.slots.set(name, slots);
      }
      const s = slots;
      tf.tidy(() => {
        value.assign(this.update(value, gradient, s));
      });
    }
    this.incrementIterations();
  }

  override dispose(): void {
    for (const s of this.slots.values()) tf.dispose(s);
    this.slots.clear();
    super.dispose();
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const out = [await this.saveIterations()];
    for (const [name, s] of this.slots) {
      for (const [i, v] of s.entries()) out.push({ name: `${name}/${this.slotNames[i]}`, tensor: v });
    }
    return out;
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    for (const s of this.slots.values()) tf.dispose(s);
    this.slots.clear();
    for (const { name, tensor } of rest) {
      const cut = name.lastIndexOf("/");
      const index = this.slotNames.indexOf(name.slice(cut + 1));
      const key = name.slice(0, cut);
      if (index < 0) throw new Error(`${this.getClassName()}: unknown slot in weight "${name}"`);
      const slots = this.slots.get(key) ?? [];
      slots[index] = tensor.variable(false);
      this.slots.set(key, slots);
    }
  }
}

/** Centered RMSProp as Keras/TensorFlow define it: lr·g / sqrt(ms - mg² + eps), with optional momentum. */
export class CenteredRMSProp extends SlotOptimizer {
  static className = "NetForgeCenteredRMSProp";
  protected readonly slotNames = ["rms", "mg", "momentum"] as const;

  constructor(
    learningRate: number,
    readonly decay = 0.9,
    readonly momentum = 0,
    readonly epsilon = 1e-7,
  ) {
    super(learningRate);
  }

  protected update(value: tf.Variable, g: tf.Tensor, [ms, mg, mom]: tf.Variable[]): tf.Tensor {
    const rho = this.decay;
    const newMs = tf.add(tf.mul(ms, rho), tf.mul(tf.square(g), 1 - rho));
    const newMg = tf.add(tf.mul(mg, rho), tf.mul(g, 1 - rho));
    // ms - mg² is a variance (>= 0); max() absorbs float rounding below zero.
    const variance = tf.maximum(tf.sub(newMs, tf.square(newMg)), 0);
    const step = tf.div(tf.mul(g, this.learningRate), tf.sqrt(tf.add(variance, this.epsilon)));
    const newMom = tf.add(tf.mul(mom, this.momentum), step);
    ms.assign(newMs);
    mg.assign(newMg);
    mom.assign(newMom);
    return tf.sub(value, newMom);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, decay: this.decay, momentum: this.momentum, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    c: tf.serialization.ConfigDict,
  ): T {
    return new (cls as unknown as typeof CenteredRMSProp)(
      c.learningRate as number,
      c.decay as number,
      c.momentum as number,
      c.epsilon as number,
    ) as unknown as T;
  }
}

/** Adadelta (Zeiler 2012): Δ = sqrt(E[Δ²]_{t-1} + eps) / sqrt(E[g²]_t + eps) · g; w -= lr·Δ. */
export class Adadelta extends SlotOptimizer {
  static className = "NetForgeAdadelta";
  protected readonly slotNames = ["accum_grad", "accum_var"] as const;

  constructor(
    learningRate: number,
    readonly rho = 0.95,
    readonly epsilon = 1e-7,
  ) {
    super(learningRate);
  }

  protected update(value: tf.Variable, g: tf.Tensor, [eg, edx]: tf.Variable[]): tf.Tensor {
    const rho = this.rho;
    const newEg = tf.add(tf.mul(eg, rho), tf.mul(tf.square(g), 1 - rho));
    const delta = tf.mul(tf.div(tf.sqrt(tf.add(edx, this.epsilon)), tf.sqrt(tf.add(newEg, this.epsilon))), g);
    eg.assign(newEg);
    edx.assign(tf.add(tf.mul(edx, rho), tf.mul(tf.square(delta), 1 - rho)));
    return tf.sub(value, tf.mul(delta, this.learningRate));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    c: tf.serialization.ConfigDict,
  ): T {
    return new (cls as unknown as typeof Adadelta)(
      c.learningRate as number,
      c.rho as number,
      c.epsilon as number,
    ) as unknown as T;
  }
}

tf.serialization.registerClass(CenteredRMSProp);
tf.serialization.registerClass(Adadelta);
