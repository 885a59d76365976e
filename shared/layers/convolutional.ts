import { deconvOutputLength } from "../shapes/conv";
import { formatShape } from "../shapes/shape";
import { activationParam, weightParams } from "./common-params";
import {
  channelsOf,
  convLabel,
  convOutputShape,
  convWeights,
  dilationRateParam,
  filtersParam,
  imageInput,
  kernelSizeParam,
  paddingParam,
  sized,
  stridesParam,
  stridesWithDilation,
} from "./conv-base";
import { DepthwiseConv2D, SeparableConv2D } from "./conv-depthwise";
import { TiledConv2D } from "./conv-tiled";
import { defineLayer, expectRank, positive, weight } from "./spec";

/**
 * Convolution layers (Goodfellow et al. 2016, ch. 9; Keras/tfjs conv layers). Channels last.
 * Kernel initializers default to glorotNormal because that is tfjs' default for its conv layers
 * (Keras uses glorotUniform).
 */

export const Conv1D = defineLayer({
  kind: "Conv1D",
  title: "Conv1D",
  category: "Convolution",
  params: {
    filters: filtersParam(),
    kernelSize: kernelSizeParam(1),
    strides: stridesParam(1),
    padding: paddingParam(["valid", "same", "causal"]),
    dilationRate: dilationRateParam(1),
    activation: activationParam("linear"),
    ...weightParams("glorotNormal"),
  },
  inputs: [
    {
      name: "in",
      doc: "Sequence (steps, channels); the channel count must be known.",
    },
  ],
  check: stridesWithDilation,
  infer: (p, [x]) => [convOutputShape("Conv1D", x, 1, p)],
  weights: (p, [x]) => convWeights("Conv1D", x, p),
  label: (p) => convLabel({ head: String(p.filters), ...p }),
  doc: {
    summary: "Slides filters along one axis (time, or a 1-D signal): local patterns shared across positions.",
    formula:
      "y[t, f] = act(b[f] + sum_{m, c} x[t*s + m*d, c] * K[m, c, f]) (cross-correlation); steps_out = floor((T + 2p - k_eff)/s) + 1, k_eff = k + (k-1)(d-1); same and causal: ceil(T/s)",
    inputShape: "(steps, channels)",
    outputShape: "(steps_out, filters)",
    whenToUse:
      "Sequences and signals (audio, sensor data, text embeddings) where local patterns matter. causal padding (WaveNet) keeps step t from seeing the future; stack dilations 1, 2, 4, ... for a long receptive field.",
    aliases: ["temporal convolution", "1d convolution", "causal convolution", "wavenet", "tcn"],
    notes: [
      "tfjs 4.22 reports the causal output length as if padding were valid and throws at run time (causal is not implemented there); NetForge uses Keras' rule (the length is kept), so the tfjs export must left-pad by d*(k-1) and run a valid convolution.",
    ],
  },
});

export const Conv2D = defineLayer({
  kind: "Conv2D",
  title: "Conv2D",
  category: "Convolution",
  params: {
    filters: filtersParam(),
    kernelSize: kernelSizeParam(2),
    strides: stridesParam(2),
    padding: paddingParam(["valid", "same"]),
    dilationRate: dilationRateParam(2),
    activation: activationParam("linear"),
    ...weightParams("glorotNormal"),
  },
  inputs: [imageInput],
  check: stridesWithDilation,
  infer: (p, [x]) => [convOutputShape("Conv2D", x, 2, p)],
  weights: (p, [x]) => convWeights("Conv2D", x, p),
  label: (p) => convLabel({ head: String(p.filters), ...p }),
  doc: {
    summary: "Slides filters over an image: each filter detects one local pattern anywhere (sparse, shared weights).",
    formula:
      "y[i, j, f] = act(b[f] + sum_{m, n, c} x[i*s + m*d, j*s + n*d, c] * K[m, n, c, f]) (cross-correlation, as tfjs computes it); out = floor((n + 2p - k_eff)/s) + 1 per axis with k_eff = k + (k-1)(d-1); valid: p = 0; same: out = ceil(n/s); params = kh*kw*C_in*filters + filters",
    inputShape: "(H, W, C_in)",
    outputShape: "(H_out, W_out, filters)",
    whenToUse:
      "Images and other grid data: the building block of CNNs (conv -> ReLU -> pool). 3x3 kernels stacked are the usual choice; use same padding to keep the size, strides > 1 to downsample, dilation for a larger receptive field at no extra parameters, 1x1 kernels to mix channels.",
    aliases: [
      "convolution",
      "conv",
      "cnn",
      "filter",
      "kernel",
      "feature map",
      "dilated convolution",
      "atrous convolution",
      "strided convolution",
      "1x1 convolution",
    ],
    notes: [
      "Output size is floor((I - F + 2P)/S) + 1: the floor is needed when S does not divide I - F + 2P (the notes omit it), and the stride formula is not (n - f + 2p)/(s + 1). same padding keeps the size only at stride 1; in general it gives ceil(I/S).",
      "What deep-learning libraries call convolution is cross-correlation (no kernel flip); the learned kernel absorbs the flip.",
      "Each filter spans all input channels (a 5x5 filter on RGB is 5x5x3) and slides only over height and width, not through the channels.",
      "A patch is combined with the kernel by element-wise multiply-and-sum (a dot product), not by matrix multiplication.",
      "32x32x3 with 12 filters gives 32x32x12 only with same padding (the notes do not say so).",
      "Convolution is equivariant to translation only: conv(shift(I)) = shift(conv(I)); it is not equivariant to rotation or scale.",
      "Dilated convolution: (F *_l k)(p) = sum_{s + l*t = p} F(s) k(t); the kernel is dilated (l - 1 gaps between taps), not the input.",
    ],
  },
});

export const Conv2DTranspose = defineLayer({
  kind: "Conv2DTranspose",
  title: "Conv2DTranspose",
  category: "Convolution",
  params: {
    filters: filtersParam(),
    kernelSize: kernelSizeParam(2),
    strides: stridesParam(2),
    padding: paddingParam(["valid", "same"]),
    activation: activationParam("linear"),
    ...weightParams("glorotNormal"),
  },
  inputs: [
    {
      name: "in",
      doc: "Feature map (height, width, channels), channels last; channels must be known.",
    },
  ],
  infer: (p, [x]) => {
    expectRank("Conv2DTranspose", x, 3);
    channelsOf("Conv2DTranspose", x);
    const out = [0, 1].map((i) => {
      const [n, k, s] = [x[i] ?? null, p.kernelSize[i] ?? 1, p.strides[i] ?? 1];
      return positive(
        "Conv2DTranspose",
        deconvOutputLength(n, k, p.padding, s),
        `input ${i === 0 ? "height" : "width"} ${n}, kernel ${k}, stride ${s}, dilation 1, padding ${p.padding} (input ${formatShape(x)})`,
      );
    });
    return [[out[0] ?? null, out[1] ?? null, p.filters]];
  },
  // tfjs (like Keras) stores the transposed kernel as [kh, kw, filters, C_in].
  weights: (p, [x]) => [
    weight("kernel", [...sized(p.kernelSize), p.filters, channelsOf("Conv2DTranspose", x)]),
    ...(p.useBias ? [weight("bias", [p.filters])] : []),
  ],
  label: (p) => convLabel({ head: String(p.filters), ...p }),
  doc: {
    summary:
      "Transposed (fractionally strided) convolution: learned upsampling, the gradient of a Conv2D w.r.t. its input.",
    formula:
      "Each input pixel scatters kernel * x[i, j] into a window of the output, windows s apart; out = n*s + max(k - s, 0) (valid) or n*s (same), as tfjs computes it. With an explicit zero padding p (Dumoulin & Visin 2016): out = (n - 1)s - 2p + k; params = kh*kw*filters*C_in + filters",
    inputShape: "(H, W, C_in)",
    outputShape: "(H_out, W_out, filters)",
    whenToUse:
      "Decoders of autoencoders, GAN generators and segmentation nets (U-Net) that must grow a feature map back to image size. UpSampling2D + Conv2D is an alternative that avoids checkerboard artefacts.",
    aliases: ["transposed convolution", "deconvolution", "deconv", "fractionally strided convolution", "upconvolution"],
    notes: [
      "It is not a true deconvolution (an inverse of convolution); it only has the shape of a convolution's gradient.",
      "In the explicit-padding form, padding makes the output smaller: i=5, k=3, s=1 gives 7 with p=0 and 5 with p=1. tfjs valid and same reproduce these two. i=3, k=3, s=2, p=1 gives 5, which tfjs cannot express (valid gives 7, same gives 6; Keras needs outputPadding=0, which tfjs lacks).",
    ],
  },
});

export { DepthwiseConv2D, SeparableConv2D, TiledConv2D };

export const convolutionalLayers = [
  Conv1D,
  Conv2D,
  Conv2DTranspose,
  DepthwiseConv2D,
  SeparableConv2D,
  TiledConv2D,
] as const;
