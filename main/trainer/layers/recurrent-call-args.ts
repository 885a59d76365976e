import * as tf from "@tensorflow/tfjs";

/**
 * tfjs 4.22's RNN.apply stores the initial states it splits off its inputs ([x, h(, c)]) into the
 * kwargs object it was handed (tfjs-layers recurrent.ts, `kwargs['initialState'] = ...`), and the
 * model executor hands one kwargs object to every layer of a training step (executor.ts). A second
 * RNN with initial states then throws "When inputs is an array, neither initialState or constants
 * should be provided", and a later RNN without them silently starts from the first one's states.
 * Each call gets its own copy, patched once here so that reloaded models behave the same.
 */
let patched = false;

type Apply = tf.RNN["apply"];

export function patchRecurrentCallArgs(): void {
  if (patched) return;
  patched = true;
  const apply: Apply = tf.RNN.prototype.apply;
  tf.RNN.prototype.apply = function (this: tf.RNN, inputs, kwargs) {
    return apply.call(this, inputs, kwargs ? { ...kwargs } : kwargs);
  } as Apply;
}
patchRecurrentCallArgs();
