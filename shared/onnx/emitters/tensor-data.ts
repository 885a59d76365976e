/**
 * Re-laying out weight data at export time (cheaper than Transpose nodes at run time, and what
 * tf2onnx does for constant kernels).
 */

/** Row-major transpose of `data` with `shape` by `perm` (numpy.transpose semantics). */
export function permuteData(
  data: Float32Array,
  shape: readonly number[],
  perm: readonly number[],
): { data: Float32Array; shape: number[] } {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p]);
  const inStrides = stridesOf(shape);
  // Stride in the input of each output axis.
  const stride = perm.map((p) => inStrides[p]);
  const out = new Float32Array(data.length);
  const index = new Array(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = data[src];
    // Odometer increment over the output index, moving `src` by the matching input strides.
    for (let a = rank - 1; a >= 0; a--) {
      index[a]++;
      src += stride[a];
      if (index[a] < outShape[a]) break;
      src -= stride[a] * outShape[a];
      index[a] = 0;
    }
  }
  return { data: out, shape: outShape };
}

function stridesOf(shape: readonly number[]): number[] {
  const s = new Array(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}
