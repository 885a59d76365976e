/**
 * Activation functions usable as the `activation` param of Dense, Conv and recurrent layers and
 * in the Activation layer. Identifiers follow tfjs where tfjs has the function.
 */
export const ACTIVATION_NAMES = [
  "linear",
  "step",
  "sigmoid",
  "bipolarSigmoid",
  "tanh",
  "relu",
  "relu6",
  "leakyRelu",
  "elu",
  "selu",
  "softplus",
  "softsign",
  "hardSigmoid",
  "swish",
  "mish",
  "gelu",
  "softmax",
] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];
