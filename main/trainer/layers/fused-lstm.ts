import * as tf from "@tensorflow/tfjs";
import { lstmSequence, lstmSequenceAvailable } from "../kernels/lstm-sequence";

/**
 * tfjs' LSTM layer with a fused training path: when the cell is the standard one (tanh, sigmoid
 * gates), without dropout in training, masks or carried-over (stateful) state, the whole sequence
 * runs as one kernel with one gradient kernel (kernels/lstm-sequence.ts) instead of ~100 taped
 * ops per time step. Otherwise, and on backends without the kernels (tfjs-node), it is tfjs'
 * LSTM unchanged. Weights, config, shapes and outputs are tfjs' (the same cell builds them), so
 * the spec checks and saved models see an LSTM; only the class name differs, for loading.
 */

type LstmArgs = Parameters<typeof tf.layers.lstm>[0];
type Lstm = ReturnType<typeof tf.layers.lstm>;

/** The cell fields the fused path reads (tfjs' LSTMCell; not exported by the umbrella package). */
interface Cell {
  kernel: tf.LayerVariable;
  recurrentKernel: tf.LayerVariable;
  bias: tf.LayerVariable | null;
  activation: tf.serialization.Serializable;
  recurrentActivation: tf.serialization.Serializable;
  dropout: number;
  recurrentDropout: number;
}

// tfjs exports only the lstm() factory, so the class comes from an instance's prototype. The
// explicit name keeps tfjs' automatic layer-name counters untouched.
const LSTMBase = Object.getPrototypeOf(tf.layers.lstm({ units: 1, name: "netforge_lstm_class_probe" }))
  .constructor as new (
  args: LstmArgs,
) => Lstm;

export class FusedLSTM extends LSTMBase {
  static className = "NetForgeLSTM";

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : null) : inputs;
    if (!x || !this.fusable(x, kwargs)) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      const cell = this.cell as unknown as Cell;
      const seq = (this.goBackwards ? tf.reverse(x, 1) : x) as tf.Tensor3D;
      const { hs, cs } = lstmSequence(
        seq,
        cell.kernel.read() as tf.Tensor2D,
        cell.recurrentKernel.read() as tf.Tensor2D,
        cell.bias ? (cell.bias.read() as tf.Tensor1D) : null,
        initialStates(kwargs),
      );
      const [batch, steps, units] = hs.shape;
      const last = (t: tf.Tensor3D) => tf.reshape(tf.slice(t, [0, steps - 1, 0], [batch, 1, units]), [batch, units]);
      const h = last(hs);
      const output = this.returnSequences ? hs : h;
      return this.returnState ? [output, h, last(cs)] : output;
    });
  }

  /** Whether this call computes exactly what tfjs' LSTM would, through the fused kernels. */
  private fusable(x: tf.Tensor, kwargs: tf.serialization.ConfigDict): boolean {
    const cell = this.cell as unknown as Cell;
    const training = kwargs?.training === true;
    return (
      lstmSequenceAvailable() &&
      x.rank === 3 &&
      x.dtype === "float32" &&
      (x.shape[1] ?? 0) > 0 &&
      kwargs?.mask == null &&
      (kwargs?.initialState == null || initialStates(kwargs) !== undefined) &&
      !this.stateful &&
      cell.activation.getClassName() === "tanh" &&
      cell.recurrentActivation.getClassName() === "sigmoid" &&
      (!training || (cell.dropout === 0 && cell.recurrentDropout === 0))
    );
  }
}
/** The h0 and c0 a seq2seq decoder was given (RNN.apply moves the [x, h, c] inputs' states here). */
function initialStates(kwargs: tf.serialization.ConfigDict): [tf.Tensor2D, tf.Tensor2D] | undefined {
  const states = kwargs?.initialState as unknown;
  if (!Array.isArray(states) || states.length !== 2) return undefined;
  return states.every((s) => s instanceof tf.Tensor && s.rank === 2 && s.dtype === "float32")
    ? (states as [tf.Tensor2D, tf.Tensor2D])
    : undefined;
}
// tfjs' static LSTM.fromConfig is inherited at runtime; the cast above does not carry its type.
tf.serialization.registerClass(FusedLSTM as unknown as tf.serialization.SerializableConstructor<tf.layers.Layer>);
