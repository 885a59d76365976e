import { activationParam, activityRegularizerParam, biasInitializerParam, biasRegularizerParam } from "./common-params";
import {
  biasFlagParam,
  channelsOf,
  convLabel,
  convOutputShape,
  convSpatialOutput,
  dilationRateParam,
  filtersParam,
  imageInput,
  kernelSizeParam,
  paddingParam,
  sized,
  stridesParam,
  stridesWithDilation,
} from "./conv-base";
import { INITIALIZER_NAMES } from "./initializers";
import { int, oneOf, regularizer } from "./params";
import { defineLayer, weight } from "./spec";

/** Depthwise and depthwise-separable convolution (Chollet 2017; Howard et al. 2017, MobileNets). */

const depthMultiplierParam = () =>
  int({
    default: 1,
    min: 1,
    max: 1024,
    doc: "Number of depthwise filters per input channel; the depthwise step outputs C_in * depthMultiplier channels.",
  });

const initializerParam = (what: string, def: (typeof INITIALIZER_NAMES)[number]) =>
  oneOf(INITIALIZER_NAMES, {
    default: def,
    doc: `How the ${what} kernel is initialized.`,
  });

export const DepthwiseConv2D = defineLayer({
  kind: "DepthwiseConv2D",
  title: "DepthwiseConv2D",
  category: "Convolution",
  params: {
    kernelSize: kernelSizeParam(2),
    strides: stridesParam(2),
    padding: paddingParam(["valid", "same"]),
    depthMultiplier: depthMultiplierParam(),
    dilationRate: dilationRateParam(2),
    activation: activationParam("linear"),
    useBias: biasFlagParam(),
    // glorotNormal: tfjs' default for its conv layers.
    depthwiseInitializer: initializerParam("depthwise", "glorotNormal"),
    biasInitializer: biasInitializerParam(),
    depthwiseRegularizer: regularizer("L1/L2 penalty on the depthwise kernel, added to the loss."),
    biasRegularizer: biasRegularizerParam(),
    activityRegularizer: activityRegularizerParam(),
  },
  inputs: [imageInput],
  check: stridesWithDilation,
  infer: (p, [x]) => {
    const [h, w] = convSpatialOutput("DepthwiseConv2D", x, 2, p);
    return [[h ?? null, w ?? null, channelsOf("DepthwiseConv2D", x) * p.depthMultiplier]];
  },
  weights: (p, [x]) => {
    const c = channelsOf("DepthwiseConv2D", x);
    return [
      weight("depthwise_kernel", [...sized(p.kernelSize), c, p.depthMultiplier]),
      ...(p.useBias ? [weight("bias", [c * p.depthMultiplier])] : []),
    ];
  },
  label: (p) =>
    convLabel({
      head: p.depthMultiplier > 1 ? `x${p.depthMultiplier}` : "",
      ...p,
    }),
  doc: {
    summary: "Convolves each input channel with its own filter(s); channels are never mixed.",
    formula:
      "y[i, j, c*M + m] = act(b + sum_{u, v} x[i*s + u*d, j*s + v*d, c] * K[u, v, c, m]), M = depthMultiplier; params = kh*kw*C_in*M + C_in*M",
    inputShape: "(H, W, C_in)",
    outputShape: "(H_out, W_out, C_in * depthMultiplier)",
    whenToUse:
      "Cheap spatial filtering per channel, usually followed by a 1x1 Conv2D (that pair is SeparableConv2D); the core of MobileNet blocks.",
    aliases: ["depthwise convolution", "channel-wise convolution", "mobilenet"],
    notes: [
      "tfjs 4.22's DepthwiseConv2D layer ignores dilationRate (in its shapes and at run time); NetForge follows Keras, so a dilated one must be exported through tf.depthwiseConv2d with dilations.",
    ],
  },
});

export const SeparableConv2D = defineLayer({
  kind: "SeparableConv2D",
  title: "SeparableConv2D",
  category: "Convolution",
  params: {
    filters: filtersParam(),
    kernelSize: kernelSizeParam(2),
    strides: stridesParam(2),
    padding: paddingParam(["valid", "same"]),
    depthMultiplier: depthMultiplierParam(),
    dilationRate: dilationRateParam(2),
    activation: activationParam("linear"),
    useBias: biasFlagParam(),
    // tfjs' SeparableConv2D defaults both kernels to glorotUniform (unlike its other conv layers).
    depthwiseInitializer: initializerParam("depthwise", "glorotUniform"),
    pointwiseInitializer: initializerParam("pointwise (1x1)", "glorotUniform"),
    biasInitializer: biasInitializerParam(),
    depthwiseRegularizer: regularizer("L1/L2 penalty on the depthwise kernel, added to the loss."),
    pointwiseRegularizer: regularizer("L1/L2 penalty on the pointwise (1x1) kernel, added to the loss."),
    biasRegularizer: biasRegularizerParam(),
    activityRegularizer: activityRegularizerParam(),
  },
  inputs: [imageInput],
  check: stridesWithDilation,
  infer: (p, [x]) => [convOutputShape("SeparableConv2D", x, 2, p)],
  weights: (p, [x]) => {
    const c = channelsOf("SeparableConv2D", x);
    return [
      weight("depthwise_kernel", [...sized(p.kernelSize), c, p.depthMultiplier]),
      weight("pointwise_kernel", [1, 1, c * p.depthMultiplier, p.filters]),
      ...(p.useBias ? [weight("bias", [p.filters])] : []),
    ];
  },
  label: (p) => convLabel({ head: String(p.filters), ...p }),
  doc: {
    summary:
      "Depthwise-separable convolution: a per-channel spatial filter, then a 1x1 convolution that mixes channels.",
    formula:
      "y = act(pointwise_1x1(depthwise_kxk(x)) + b); params = kh*kw*C_in*M + C_in*M*filters + filters (M = depthMultiplier), versus kh*kw*C_in*filters + filters for Conv2D",
    inputShape: "(H, W, C_in)",
    outputShape: "(H_out, W_out, filters)",
    whenToUse:
      "A drop-in for Conv2D with far fewer parameters and multiply-adds (MobileNets, Xception), for small or mobile models.",
    aliases: ["depthwise separable convolution", "separable convolution", "xception", "mobilenet"],
    notes: [
      "tfjs 4.22 initializes the pointwise kernel with the depthwiseInitializer's value (a tfjs bug); the tfjs export should set both to the same initializer to get what it asks for.",
    ],
  },
});
