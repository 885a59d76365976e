import * as tf from "@tensorflow/tfjs";
import type { InitializerName } from "../../../../shared/layers/initializers";
import { cellActivation } from "../../layers/cell-activation";
import { FusedLSTM } from "../../layers/fused-lstm";
import "../../layers/recurrent-call-args";
import "../../layers/recurrent-losses";
import { applyLayer } from "../apply";
import type { BuilderTable, ParamsOf } from "../types";
import { initializer, regularizer } from "../weights-config";

/** Builders for the recurrent family (see shared/layers/recurrent.ts). */

export type RnnKind = "SimpleRNN" | "LSTM" | "GRU";
export const RNN_KINDS: readonly RnnKind[] = ["SimpleRNN", "LSTM", "GRU"];

type AnyRnnParams = ParamsOf<"SimpleRNN"> & Partial<Pick<ParamsOf<"LSTM">, "recurrentActivation" | "unitForgetBias">>;

/**
 * The tfjs layer for a recurrent spec, not yet applied (Bidirectional wraps it). Every param is
 * passed explicitly because several tfjs defaults differ from the spec's: recurrentActivation
 * (hardSigmoid in tfjs), kernelInitializer (glorotNormal), unitForgetBias (false).
 * With returnState, tfjs returns [output, h] or [output, h, c]: the spec's port order.
 */
export function recurrentLayer(kind: RnnKind, params: Record<string, unknown>, name: string): tf.RNN {
  const p = params as AnyRnnParams;
  const common = {
    name,
    units: p.units,
    activation: cellActivation(p.activation) as never,
    useBias: p.useBias,
    returnSequences: p.returnSequences,
    returnState: p.returnState,
    goBackwards: p.goBackwards,
    dropout: p.dropout,
    recurrentDropout: p.recurrentDropout,
    kernelInitializer: init(p.kernelInitializer),
    recurrentInitializer: init(p.recurrentInitializer),
    biasInitializer: init(p.biasInitializer),
    kernelRegularizer: regularizer(p.kernelRegularizer),
    recurrentRegularizer: regularizer(p.recurrentRegularizer),
    biasRegularizer: regularizer(p.biasRegularizer),
  };
  switch (kind) {
    case "SimpleRNN":
      return tf.layers.simpleRNN(common);
    case "LSTM":
      // tfjs' LSTM with a one-kernel training path (layers/fused-lstm.ts): ~7x faster on wasm.
      return new FusedLSTM({
        ...common,
        recurrentActivation: gate(p),
        unitForgetBias: p.unitForgetBias ?? true,
      });
    case "GRU":
      // Reset gate before the recurrent product (Cho et al. 2014): tfjs 4.22 has no other form.
      return tf.layers.gru({ ...common, recurrentActivation: gate(p) });
  }
}

const init = (name: InitializerName) => initializer(name);

function gate(p: AnyRnnParams) {
  return cellActivation(p.recurrentActivation ?? "sigmoid") as never;
}

export const recurrentBuilders = {
  SimpleRNN: ({ params, inputs, name }) => applyLayer(recurrentLayer("SimpleRNN", params, name), inputs),
  LSTM: ({ params, inputs, name }) => applyLayer(recurrentLayer("LSTM", params, name), inputs),
  GRU: ({ params, inputs, name }) => applyLayer(recurrentLayer("GRU", params, name), inputs),
} satisfies Partial<BuilderTable>;
