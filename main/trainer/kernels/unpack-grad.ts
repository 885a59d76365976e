import * as tf from "@tensorflow/tfjs";

/**
 * tfjs 4.22's Unpack (unstack) gradient calls stack(dy), but when the op has a single output the
 * engine hands it one tensor, not a list, and stack throws "Argument tensors passed to stack must
 * be a Tensor[]". Recurrent layers unstack over time, so any RNN fed a length-1 sequence by
 * another layer could not train. Backend-independent, so it is registered once for all backends.
 */
let registered = false;

export function registerUnpackGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: "Unpack",
    gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap) => ({
      value: () => tf.stack(Array.isArray(dy) ? dy : [dy], (attrs as unknown as { axis: number }).axis),
    }),
  });
}
