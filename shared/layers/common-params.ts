import { ACTIVATION_NAMES } from "./activations";
import { INITIALIZER_NAMES } from "./initializers";
import { bool, oneOf, regularizer } from "./params";

/** Param defs that many layers share, so wording and defaults stay identical everywhere. */
export const activationParam = (def: (typeof ACTIVATION_NAMES)[number] = "linear") =>
  oneOf(ACTIVATION_NAMES, {
    default: def,
    doc: "Activation applied to the output (linear = none).",
  });

export const useBiasParam = () => bool({ default: true, doc: "Whether the layer adds a learned bias vector." });

export const kernelInitializerParam = (def: (typeof INITIALIZER_NAMES)[number] = "glorotUniform") =>
  oneOf(INITIALIZER_NAMES, {
    default: def,
    doc: "How the kernel weights are initialized.",
  });

export const biasInitializerParam = () =>
  oneOf(INITIALIZER_NAMES, {
    default: "zeros",
    doc: "How the bias is initialized.",
  });

export const kernelRegularizerParam = () =>
  regularizer("L1/L2 penalty on the kernel weights, added to the loss: l1*sum|w| + l2*sum(w^2).");

export const biasRegularizerParam = () => regularizer("L1/L2 penalty on the bias, added to the loss.");

export const activityRegularizerParam = () =>
  regularizer("L1/L2 penalty on the layer's output (activity), e.g. L1 for sparse autoencoders.");

/** The standard weight-bearing params of Dense-like and Conv-like layers, in Keras order. */
export const weightParams = (init: (typeof INITIALIZER_NAMES)[number] = "glorotUniform") => ({
  useBias: useBiasParam(),
  kernelInitializer: kernelInitializerParam(init),
  biasInitializer: biasInitializerParam(),
  kernelRegularizer: kernelRegularizerParam(),
  biasRegularizer: biasRegularizerParam(),
  activityRegularizer: activityRegularizerParam(),
});
