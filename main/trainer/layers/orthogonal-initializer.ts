import * as tf from "@tensorflow/tfjs";

/**
 * The orthogonal initializer (Saxe et al. 2014) with tfjs' semantics, computed in plain JS.
 * tfjs 4.22's Orthogonal runs linalg.qr as hundreds of tiny tensor ops: 4.7 s on the cpu backend
 * for one LSTM(64) recurrent kernel (64 x 256), minutes for LSTM(256). Same distribution here:
 * a normal (max x min) matrix from tf.randomNormal, its Q factor with R's diagonal made positive
 * (which Gram-Schmidt gives directly), transposed when the weight has fewer rows than columns.
 * tfjs finds it by class name (getInitializer deserializes a {className, config} dict).
 */
export class FastOrthogonal extends tf.serialization.Serializable {
  static className = "NetForgeOrthogonal";
  readonly gain: number;
  readonly seed?: number;

  constructor(config: { gain?: number; seed?: number } = {}) {
    super();
    this.gain = config.gain ?? 1;
    this.seed = config.seed;
  }

  apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    if (shape.length < 2) throw new Error(`orthogonal initializer: weight of shape [${shape}] must have rank >= 2`);
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const cols = shape[shape.length - 1];
    const m = Math.max(rows, cols);
    const n = Math.min(rows, cols);
    // The same draw as tfjs' (K.randomNormal of [m, n], row-major), stored column by column.
    const normal = tf.tidy(() => tf.randomNormal([m, n], 0, 1, "float32", this.seed).dataSync());
    const a = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[j * m + i] = normal[i * n + j];
    const q = orthonormalColumns(a, m, n);
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        // q holds column j at [j*m, (j+1)*m): Q[i][j] = q[j*m + i]. Q is (m x n); Q^T when rows < cols.
        out[r * cols + c] = this.gain * (rows >= cols ? q[c * m + r] : q[r * m + c]);
      }
    }
    return tf.tensor(out, shape, dtype ?? "float32");
  }

  getConfig(): tf.serialization.ConfigDict {
    return this.seed === undefined ? { gain: this.gain } : { gain: this.gain, seed: this.seed };
  }
}
tf.serialization.registerClass(FastOrthogonal);

/**
 * Modified Gram-Schmidt with one re-orthogonalisation pass ("twice is enough", Giraud et al.
 * 2005), in place on n columns of length m stored one after another; returns the Q columns.
 */
export function orthonormalColumns(a: Float64Array, m: number, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    const vj = a.subarray(j * m, (j + 1) * m);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        const qk = a.subarray(k * m, (k + 1) * m);
        let dot = 0;
        for (let i = 0; i < m; i++) dot += qk[i] * vj[i];
        for (let i = 0; i < m; i++) vj[i] -= dot * qk[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += vj[i] * vj[i];
    norm = Math.sqrt(norm);
    // A normal matrix is rank-deficient with probability 0; guard anyway.
    for (let i = 0; i < m; i++) vj[i] = norm > 0 ? vj[i] / norm : i === j ? 1 : 0;
  }
  return a;
}

/** What a recurrent layer's initializer option gets for "orthogonal". */
export const fastOrthogonal = (): tf.serialization.ConfigDict => ({ className: FastOrthogonal.className, config: {} });
