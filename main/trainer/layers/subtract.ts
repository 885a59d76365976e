import * as tf from "@tensorflow/tfjs";

/**
 * Keras' Subtract (a - b); tfjs 4.22 has none. Shapes follow tfjs' Merge (as the spec does):
 * right-aligned, a dim of 1 stretches, and a lower-rank input gets unit axes inserted after the
 * batch axis, so (batch, 4, 3) - (batch, 3) broadcasts per sample rather than across the batch.
 */
export class Subtract extends tf.layers.Layer {
  static className = "NetForgeSubtract";

  constructor(config: { name?: string } = {}) {
    super({ name: config.name });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    if (!Array.isArray(inputs) || inputs.length !== 2) throw new Error(`${this.name}: Subtract takes exactly 2 inputs`);
    return tf.tidy(() => {
      const rank = Math.max(inputs[0].rank, inputs[1].rank);
      const [a, b] = inputs.map((t) => withRank(t, rank));
      return tf.sub(a, b);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [a, b] = inputShape as tf.Shape[];
    const [long, short] = a.length >= b.length ? [a, b] : [b, a];
    const lead = long.length - short.length;
    // Batch axis first, then the sample axes right-aligned.
    const out: (number | null)[] = [long[0] ?? null, ...long.slice(1, lead + 1)];
    for (let k = 1; k < short.length; k++) {
      const i = long[lead + k] ?? null;
      const j = short[k] ?? null;
      out.push(i === null || j === null ? null : i === 1 ? j : i);
    }
    return out;
  }
}
tf.serialization.registerClass(Subtract);

/** Inserts unit axes right after the batch axis until `t` has the given rank. */
function withRank(t: tf.Tensor, rank: number): tf.Tensor {
  if (t.rank === rank) return t;
  return tf.reshape(t, [t.shape[0], ...new Array(rank - t.rank).fill(1), ...t.shape.slice(1)]);
}
