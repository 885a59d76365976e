import {
  ACTIVATION_DEFAULTS,
  type ActivationDoc,
  type ActivationInfo,
  type ActivationParam,
  ELEMENTWISE,
  type ElementwiseActivationInfo,
  softmax,
  softmaxJacobian,
  softmaxJacobianDiagonal,
  type VectorActivationInfo,
} from "./activation-math";

export {
  type ActivationDoc,
  type ActivationInfo,
  type ActivationOpts,
  type ActivationParam,
  type Curve,
  type CurveOpts,
  type ElementwiseActivationInfo,
  sampleCurve,
  type VectorActivationInfo,
} from "./activation-math";

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

const lambdaParam: ActivationParam = {
  name: "lambda",
  default: ACTIVATION_DEFAULTS.sigmoid.lambda,
  doc: "Steepness: larger values make the transition around 0 sharper.",
};

const DOCS: Record<ActivationName, ActivationDoc> = {
  linear: {
    title: "Linear (identity)",
    formula: "f(x) = x",
    derivative: "f'(x) = 1",
    range: "(-inf, inf)",
    params: [],
    tfjs: "linear",
    whenToUse: "Output layer for regression (unbounded real targets); 'no activation' on a Dense or Conv layer.",
    aliases: ["identity", "none", "no activation"],
    notes: [
      "Only the identity is a linear activation; 003 L540-543 calls step, ReLU and leaky ReLU linear, but they are non-linear. Stacked layers with linear activations collapse into one linear map.",
    ],
  },
  step: {
    title: "Step (Heaviside)",
    formula: "f(x) = 1 if x >= theta, else 0 (theta = threshold, default 0)",
    derivative: "f'(x) = 0 for x != theta; undefined at theta",
    range: "{0, 1}",
    params: [
      {
        name: "threshold",
        default: ACTIVATION_DEFAULTS.step.threshold,
        doc: "Input at which the output jumps to 1.",
      },
    ],
    tfjs: null,
    whenToUse: "The classic perceptron and McCulloch-Pitts gate demos (AND/OR); not for gradient-trained networks.",
    aliases: ["heaviside", "threshold", "unit step", "hard limit", "perceptron"],
    notes: [
      "The derivative is 0 almost everywhere, so backpropagation gets no signal. A perceptron is trained by the perceptron rule w <- w + eta (y - y_hat) x, b <- b + eta (y - y_hat), applied only when y != y_hat (SGD on the perceptron criterion), not by gradient descent through the step as 002:L93 and 000:L264 say. A network that needs a hard threshold inside uses the straight-through estimator: step forward, identity (or sigmoid) derivative backward.",
      "The step is non-linear (003 L540 lists it as linear; 002:L116 says 'no non-linearity'). The perceptron's limit is its single linear decision boundary (no XOR).",
      "Conventions differ at the threshold: 002 outputs 1 for z >= 0, 003 only for z > 0, and 004's sign perceptron outputs +1/-1 (use 2 f(x) - 1). Here f(theta) = 1.",
      "tfjs has no step activation; perceptron blocks need a custom trainer.",
    ],
  },
  sigmoid: {
    title: "Sigmoid (logistic)",
    formula: "f(x) = 1 / (1 + e^(-lambda x)) (lambda = steepness, default 1)",
    derivative: "f'(x) = lambda f(x) (1 - f(x)); at most lambda / 4, at x = 0 (0.25 for lambda = 1)",
    range: "(0, 1)",
    params: [lambdaParam],
    tfjs: "sigmoid",
    whenToUse:
      "Output of binary and multi-label classification (an independent probability per unit); LSTM/GRU gates. Avoid in deep hidden stacks: it saturates and is not zero-centred.",
    aliases: ["logistic", "binary sigmoid", "unipolar sigmoid", "σ"],
    notes: [
      "003 L630-641: y_in = 0.35 + 0.8*0.1 + 0.6*0.3 + 0.4*(-0.2) = 0.53 and sigmoid(0.53) = 0.62948, not the 0.625 the notes print.",
      "The derivative lies in (0, 0.25] (001:L475), not 'between 0 and 1' (001:L973). Multiplying many such factors is why gradients vanish in deep sigmoid networks.",
      "The output is continuous: 'class 1 if sigmoid > 0.5' (001:L210-219) is a decision rule applied afterwards, and an LSTM gate passes a fraction, not 0 or 1 (004 L2797).",
      "The notes also write sigma for softmax and ReLU (002:L469, 000:L537); the UI uses names.",
      "tfjs' 'sigmoid' has lambda = 1; other steepness values are exported by scaling the input. tfjs LSTM/GRU default to hardSigmoid gates, not this sigmoid.",
    ],
  },
  bipolarSigmoid: {
    title: "Bipolar sigmoid",
    formula: "f(x) = 2 / (1 + e^(-lambda x)) - 1 = tanh(lambda x / 2)",
    derivative: "f'(x) = (lambda / 2) (1 - f(x)^2)",
    range: "(-1, 1)",
    params: [{ ...lambdaParam, default: ACTIVATION_DEFAULTS.bipolarSigmoid.lambda }],
    tfjs: null,
    whenToUse: "Classic nets with bipolar (-1/+1) targets; in modern code use tanh, the same curve with lambda = 2.",
    aliases: ["bipolar logistic", "symmetric sigmoid"],
    notes: [
      "bipolarSigmoid(x) = tanh(lambda x / 2); tfjs has no such activation, so the export uses tanh of the input scaled by lambda / 2.",
      "003 L654: 2 / (1 + e^(-0.53)) - 1 = 0.25897 is right, but it follows from sigmoid(0.53) = 0.62948, not from the 0.625 printed just above it.",
    ],
  },
  tanh: {
    title: "Tanh",
    formula: "f(x) = (e^x - e^(-x)) / (e^x + e^(-x)) = 2 sigmoid(2x) - 1",
    derivative: "f'(x) = 1 - f(x)^2; at most 1, at x = 0",
    range: "(-1, 1)",
    params: [],
    tfjs: "tanh",
    whenToUse:
      "Hidden state of RNN/LSTM/GRU cells; zero-centred hidden layers of small MLPs; generator outputs scaled to [-1, 1].",
    aliases: ["hyperbolic tangent"],
    notes: [
      "The range is (-1, 1); 000:L513 prints 'between 1 and 1'.",
      "It saturates at both ends, so deep tanh stacks also suffer vanishing gradients, though less than sigmoid (slope up to 1 instead of 0.25).",
      "tanh(x) = 2 sigmoid(2x) - 1 (003 L664), e.g. tanh(0.7) = 2 sigmoid(1.4) - 1 = 0.604368.",
    ],
  },
  relu: {
    title: "ReLU",
    formula: "f(x) = max(0, x)",
    derivative: "f'(x) = 1 for x > 0, 0 for x < 0; undefined at 0 (tfjs uses 0)",
    range: "[0, inf)",
    params: [],
    tfjs: "relu",
    whenToUse:
      "Default hidden activation of MLPs and CNNs: cheap, no saturation for x > 0, sparse activations. Pair with He initialization.",
    aliases: ["rectified linear unit", "rectifier", "max(0,x)"],
    notes: [
      "ReLU is non-linear (a kink at 0; relu(a + b) != relu(a) + relu(b) in general), not linear as 003 L540 says.",
      "Its derivative is 0 or 1, so ReLU itself cannot make gradients explode (001:L974, 002:L657 claim it does); explosions come from large weights.",
      "ReLU is not zero-centred (000:L434 says it is): its outputs are >= 0.",
      "A unit whose input is negative for every sample gets zero gradient and stops learning ('dying ReLU'); leaky ReLU, ELU or a smaller learning rate help.",
    ],
  },
  relu6: {
    title: "ReLU6",
    formula: "f(x) = min(max(0, x), 6)",
    derivative: "f'(x) = 1 for 0 < x < 6, else 0",
    range: "[0, 6]",
    params: [],
    tfjs: "relu6",
    whenToUse:
      "Mobile networks (MobileNet) and models meant for quantization: the cap keeps activations in a fixed range.",
    aliases: ["relu 6", "clipped relu", "bounded relu"],
    notes: [],
  },
  leakyRelu: {
    title: "Leaky ReLU",
    formula: "f(x) = x for x > 0, alpha x for x <= 0 (alpha fixed, default 0.01)",
    derivative: "f'(x) = 1 for x > 0, alpha for x < 0",
    range: "(-inf, inf)",
    params: [
      {
        name: "alpha",
        default: ACTIVATION_DEFAULTS.leakyRelu.alpha,
        doc: "Slope for negative inputs (fixed, not learned).",
      },
    ],
    tfjs: null,
    whenToUse: "Instead of ReLU when dead units are a problem; GAN discriminators (often alpha = 0.2).",
    aliases: ["leaky relu", "lrelu", "leaky rectifier"],
    notes: [
      "001:L624 gives the derivative for z < 0 as '0.01(z)': that is the function. f(z) = 0.01 z and f'(z) = 0.01, a constant; e.g. f(-2) = -0.02.",
      "The per-unit a_i formula shown under 'Leaky ReLU' in 000:L592 is PReLU, whose slopes are learned (the PReLU layer). Randomized leaky ReLU (RReLU) samples alpha at random during training and uses its mean at test time; a leaky ReLU with alpha != 0.01 is still leaky ReLU, not 'Randomized ReLU' (003 L744).",
      "tfjs has no 'leakyRelu' activation string; the export uses the LeakyReLU layer, whose default alpha is 0.3 (as in Keras), so alpha is always written out. The default here is the notes' 0.01.",
    ],
  },
  elu: {
    title: "ELU",
    formula: "f(x) = x for x > 0, alpha (e^x - 1) for x <= 0 (default alpha = 1)",
    derivative: "f'(x) = 1 for x > 0, alpha e^x = f(x) + alpha for x <= 0",
    range: "(-alpha, inf)",
    params: [
      {
        name: "alpha",
        default: ACTIVATION_DEFAULTS.elu.alpha,
        doc: "Value that f approaches as x -> -inf.",
      },
    ],
    tfjs: "elu",
    whenToUse: "Hidden layers where negative outputs help push mean activations toward 0; smooth at 0 when alpha = 1.",
    aliases: ["exponential linear unit"],
    notes: [
      "tfjs supports only alpha = 1: the 'elu' activation fixes it and the ELU layer throws NotImplementedError for any other value, so tuning alpha (000:L632) needs a custom layer.",
      "With alpha = 1: ELU(-1) = e^-1 - 1 = -0.632121, ELU(-2) = -0.864665.",
    ],
  },
  selu: {
    title: "SELU",
    formula: "f(x) = scale * (x for x > 0, alpha (e^x - 1) for x <= 0), alpha = 1.6732632, scale = 1.0507010",
    derivative: "f'(x) = scale for x > 0, scale alpha e^x for x <= 0",
    range: "(-scale alpha, inf) = (-1.7581, inf)",
    params: [],
    tfjs: "selu",
    whenToUse:
      "Self-normalizing MLPs: Dense stacks with leCunNormal initialization (and AlphaDropout), without batch norm.",
    aliases: ["scaled exponential linear unit", "self-normalizing"],
    notes: [
      "The constants are fixed (Klambauer et al. 2017); SELU does not 'automatically adjust its parameters' (004 L2210). Activations keep mean 0 and variance 1 only with leCunNormal initialization and plain Dense layers.",
    ],
  },
  softplus: {
    title: "Softplus",
    formula: "f(x) = ln(1 + e^x)",
    derivative: "f'(x) = sigmoid(x)",
    range: "(0, inf)",
    params: [],
    tfjs: "softplus",
    whenToUse: "A smooth ReLU; an output that must be strictly positive (a variance, a rate).",
    aliases: ["smooth relu"],
    notes: [],
  },
  softsign: {
    title: "Softsign",
    formula: "f(x) = x / (1 + |x|)",
    derivative: "f'(x) = 1 / (1 + |x|)^2",
    range: "(-1, 1)",
    params: [],
    tfjs: "softsign",
    whenToUse: "A tanh-like squashing that saturates polynomially rather than exponentially; rarely used.",
    aliases: [],
    notes: [],
  },
  hardSigmoid: {
    title: "Hard sigmoid",
    formula: "f(x) = max(0, min(1, 0.2 x + 0.5))",
    derivative: "f'(x) = 0.2 for -2.5 < x < 2.5, else 0",
    range: "[0, 1]",
    params: [],
    tfjs: "hardSigmoid",
    whenToUse: "A cheap piecewise-linear stand-in for sigmoid; the default recurrentActivation of tfjs LSTM/GRU.",
    aliases: ["hard sigmoid", "hard_sigmoid"],
    notes: [
      "This is tfjs' (and Keras 2's) definition. Keras 3 and PyTorch use relu6(x + 3) / 6 (slope 1/6, saturating at x = +-3), which differs numerically.",
      "tfjs LSTM/GRU gates use it by default; set recurrentActivation 'sigmoid' to reproduce the textbook gate equations.",
    ],
  },
  swish: {
    title: "Swish (SiLU)",
    formula: "f(x) = x sigmoid(x) = x / (1 + e^(-x))",
    derivative: "f'(x) = sigmoid(x) + x sigmoid(x) (1 - sigmoid(x))",
    range: "[-0.2785, inf) (minimum at x = -1.2785)",
    params: [],
    tfjs: "swish",
    whenToUse: "Deep CNNs (EfficientNet, MobileNetV3) and transformers: a smooth, non-monotonic alternative to ReLU.",
    aliases: ["silu", "sigmoid linear unit", "self-gated"],
    notes: [
      "Proposed by the Google Brain team (Ramachandran, Zoph and Le 2017), not 'Google Mind' (000:L771). The general form is x sigmoid(beta x); beta = 1 (tfjs 'swish') is also called SiLU.",
      "swish(1) = 0.731059, swish(-1) = -0.268941, swish(-2) = -0.238406. The ImageNet gains quoted in 000 are the paper's results for two models, not a general guarantee.",
    ],
  },
  mish: {
    title: "Mish",
    formula: "f(x) = x tanh(softplus(x)) = x tanh(ln(1 + e^x))",
    derivative: "f'(x) = tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2), where sp = softplus(x)",
    range: "[-0.3088, inf) (minimum at x = -1.1924)",
    params: [],
    tfjs: "mish",
    whenToUse: "Like swish, a smooth non-monotonic ReLU alternative (e.g. YOLOv4 backbones).",
    aliases: [],
    notes: [],
  },
  gelu: {
    title: "GELU",
    formula: "f(x) = x Phi(x) = 0.5 x (1 + erf(x / sqrt(2))), Phi = standard normal CDF",
    derivative: "f'(x) = Phi(x) + x phi(x), phi(x) = e^(-x^2 / 2) / sqrt(2 pi)",
    range: "[-0.1700, inf) (minimum at x = -0.7518)",
    params: [],
    tfjs: "gelu",
    whenToUse: "Feed-forward blocks of transformers (BERT, GPT, ViT).",
    aliases: ["gaussian error linear unit"],
    notes: [
      "This is the exact erf form (tfjs 'gelu'). Many models use the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (tfjs 'gelu_new'); the two differ by less than 5e-4.",
      "The notes only name GELU as a transformer option (000:L883), with no formula.",
    ],
  },
  softmax: {
    title: "Softmax",
    formula: "softmax(z)_i = e^(z_i) / sum_{j=1..C} e^(z_j), over the last axis",
    derivative: "d s_i / d z_j = s_i (delta_ij - s_j); diagonal s_i (1 - s_i)",
    range: "each output in (0, 1); the outputs sum to 1",
    params: [],
    tfjs: "softmax",
    whenToUse:
      "Output layer for mutually exclusive classes (with categorical cross-entropy); attention weights. For multi-label outputs use sigmoid.",
    aliases: ["normalized exponential", "softargmax", "multinomial logistic"],
    notes: [
      "Softmax is vector-valued: each output depends on the whole last axis, so it has a Jacobian rather than a scalar derivative. The plot shows component 0 of softmax([x, 0]), which equals sigmoid(x), with the Jacobian diagonal.",
      "002:L482 writes the denominator as sum_{i=1..C} e^(z_i), reusing the index i; the sum runs over a separate index j.",
      "softmax([5, 4, -1]) = [0.72974, 0.26845, 0.00181] (000:L717 rounds to [0.730, 0.268, 0.002]).",
      "Implementations subtract max(z) before exponentiating: the result is unchanged and large logits do not overflow.",
    ],
  },
};

type InfoFor<K extends ActivationName> = K extends "softmax" ? VectorActivationInfo : ElementwiseActivationInfo;

function build(): { readonly [K in ActivationName]: InfoFor<K> } {
  const out: Record<string, ActivationInfo> = {
    softmax: {
      ...DOCS.softmax,
      vectorValued: true,
      f: softmax,
      df: softmaxJacobianDiagonal,
      jacobian: softmaxJacobian,
    },
  };
  for (const [name, math] of Object.entries(ELEMENTWISE)) {
    out[name] = {
      ...DOCS[name as ActivationName],
      vectorValued: false,
      ...math,
    };
  }
  return out as { readonly [K in ActivationName]: InfoFor<K> };
}

/** The activation catalog: docs and reference maths, one entry per ActivationName. */
export const ACTIVATIONS = build();
