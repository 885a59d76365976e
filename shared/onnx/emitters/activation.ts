import { ACTIVATION_DEFAULTS, type ActivationOpts, SELU_ALPHA, SELU_SCALE } from "../../layers/activation-math";
import type { ActivationName } from "../../layers/activations";
import type { OnnxGraph, Value } from "../graph";
import { attr } from "../model";
import { DataType } from "../proto";
import type { EmitterTable, NoteTable } from "./types";

/**
 * The activation catalog (shared/layers/activations.ts) as opset-17 ONNX. Each case computes what
 * main/trainer/layers/activation-fn.ts (or the tfjs built-in) computes; ops that arrived after
 * opset 17 (Gelu 20, Mish 18) are decomposed. Element-wise functions keep the input's layout;
 * softmax normalizes the channel axis, which is axis 1 of a channels-first value.
 */
export function emitActivation(
  g: OnnxGraph,
  fn: ActivationName,
  x: Value,
  base: string,
  opts: ActivationOpts = {},
): Value {
  const out = (name: string): Value => g.like(x, name);
  const unary = (op: string, input = x.name, attributes = {}) => g.op1(op, [input], attributes, `${base}/${op}`);
  const binary = (op: string, a: string, b: string) => g.op1(op, [a, b], {}, `${base}/${op}`);
  switch (fn) {
    case "linear":
      return x;
    case "step": {
      // 1 where x >= threshold (activation-fn.ts heaviside), as float.
      const ge = binary("GreaterOrEqual", x.name, g.scalar(opts.threshold ?? ACTIVATION_DEFAULTS.step.threshold));
      return out(unary("Cast", ge, { to: attr.i(DataType.FLOAT) }));
    }
    case "sigmoid": {
      const lambda = opts.lambda ?? 1;
      return out(unary("Sigmoid", lambda === 1 ? x.name : binary("Mul", x.name, g.scalar(lambda))));
    }
    case "bipolarSigmoid": {
      // 2 sigmoid(lambda x) - 1 = tanh(lambda x / 2), as the trainer computes it.
      const lambda = opts.lambda ?? ACTIVATION_DEFAULTS.bipolarSigmoid.lambda;
      return out(unary("Tanh", binary("Mul", x.name, g.scalar(lambda / 2))));
    }
    case "tanh":
      return out(unary("Tanh"));
    case "relu":
      return out(unary("Relu"));
    case "relu6":
      // Clip takes min and max as inputs from opset 11 on.
      return out(g.op1("Clip", [x.name, g.scalar(0), g.scalar(6)], {}, `${base}/Clip`));
    case "leakyRelu":
      // ONNX's default alpha (0.01) is not tfjs' LeakyReLU default (0.3): always write it.
      return out(unary("LeakyRelu", x.name, { alpha: attr.f(opts.alpha ?? ACTIVATION_DEFAULTS.leakyRelu.alpha) }));
    case "elu":
      return out(unary("Elu", x.name, { alpha: attr.f(opts.alpha ?? ACTIVATION_DEFAULTS.elu.alpha) }));
    case "selu":
      // tfjs-core selu_util.ts constants; written out rather than trusting ONNX's defaults.
      return out(unary("Selu", x.name, { alpha: attr.f(SELU_ALPHA), gamma: attr.f(SELU_SCALE) }));
    case "softplus":
      return out(unary("Softplus"));
    case "softsign":
      return out(unary("Softsign"));
    case "hardSigmoid":
      // tfjs (Keras 2): clip(0.2 x + 0.5, 0, 1); ONNX defaults happen to match, written anyway.
      return out(unary("HardSigmoid", x.name, { alpha: attr.f(0.2), beta: attr.f(0.5) }));
    case "swish":
      return out(binary("Mul", x.name, unary("Sigmoid")));
    case "mish":
      // x tanh(softplus(x)); the Mish op needs opset 18.
      return out(binary("Mul", x.name, unary("Tanh", unary("Softplus"))));
    case "gelu": {
      // Exact erf form, 0.5 x (1 + erf(x / sqrt 2)); the Gelu op needs opset 20.
      const erf = unary("Erf", binary("Div", x.name, g.scalar(Math.SQRT2)));
      const phi = binary("Add", erf, g.scalar(1));
      return out(binary("Mul", binary("Mul", x.name, phi), g.scalar(0.5)));
    }
    case "softmax": {
      // Opset >= 13 Softmax normalizes one axis (earlier opsets flattened to 2-D first).
      const axis = x.layout === "channelsFirst" && x.rank >= 3 ? 1 : -1;
      return out(unary("Softmax", x.name, { axis: attr.i(axis) }));
    }
  }
}

export const activationEmitters = {
  Activation: ({ params, inputs: [x], g, prefix }) => {
    // Steepness applies to the sigmoids only (the spec's relevantIf), as in the tfjs builder.
    const sigmoid = params.activation === "sigmoid" || params.activation === "bipolarSigmoid";
    return [emitActivation(g, params.activation, x, prefix, sigmoid ? { lambda: params.steepness } : {})];
  },
} satisfies Partial<EmitterTable>;

export const activationNotes = {
  Activation: (params) =>
    params.activation === "linear"
      ? { status: "exported", reason: "linear: the identity, so the file has no node for it" }
      : null,
} satisfies NoteTable;
