import { activationParam, biasInitializerParam, kernelInitializerParam } from "./common-params";
import {
  biasFlagParam,
  channelsOf,
  convLabel,
  convOutputShape,
  filtersParam,
  imageInput,
  kernelSizeParam,
  paddingParam,
  stridesParam,
} from "./conv-base";
import { int } from "./params";
import { defineLayer, weight } from "./spec";

/**
 * Tiled convolution (Goodfellow et al. 2016, section 9.6, eq. 9.10; Le et al. 2010). No tfjs or
 * Keras layer exists, so the weights are derived from the textbook: t x t sets of Conv2D kernels,
 * one per output position modulo t, plus one bias per filter.
 */
export const TiledConv2D = defineLayer({
  kind: "TiledConv2D",
  title: "TiledConv2D",
  category: "Convolution",
  params: {
    filters: filtersParam(),
    kernelSize: kernelSizeParam(2),
    strides: stridesParam(2),
    padding: paddingParam(["valid", "same"]),
    tiles: int({
      default: 2,
      min: 1,
      max: 64,
      doc: "t: number of kernel sets per axis, cycled over output positions (t = 1 is ordinary convolution).",
    }),
    activation: activationParam("linear"),
    useBias: biasFlagParam(),
    kernelInitializer: kernelInitializerParam("glorotNormal"),
    biasInitializer: biasInitializerParam(),
  },
  inputs: [imageInput],
  infer: (p, [x]) => [convOutputShape("TiledConv2D", x, 2, p)],
  weights: (p, [x]) => [
    weight("kernel", [p.tiles, p.tiles, ...(p.kernelSize as number[]), channelsOf("TiledConv2D", x), p.filters]),
    ...(p.useBias ? [weight("bias", [p.filters])] : []),
  ],
  label: (p) => convLabel({ head: `${p.filters} t${p.tiles}`, ...p }),
  doc: {
    summary:
      "Convolution with t x t kernel sets that take turns over output positions: between convolution and a locally connected layer.",
    formula:
      "Z[i, j, f] = act(b[f] + sum_{m, n, c} V[i*s + m, j*s + n, c] * K[i mod t, j mod t, m, n, c, f]) (Goodfellow et al. eq. 9.10); out size as Conv2D; params = t^2 * kh*kw*C_in*filters + filters",
    inputShape: "(H, W, C_in)",
    outputShape: "(H_out, W_out, filters) (same as Conv2D)",
    whenToUse:
      "To learn a few different detectors at neighbouring positions while keeping far fewer weights than a locally connected layer; with max pooling over t x t neighbourhoods the network can learn invariances beyond translation (e.g. to rotation).",
    aliases: ["tiled convolution", "tiled cnn", "locally connected", "unshared convolution"],
    notes: [
      "t = 1 is an ordinary Conv2D; t equal to the output size gives every position its own kernel, a locally connected layer (whose Keras form also has a bias per position, whereas here the bias is shared per filter).",
      "A tfjs build needs a custom layer: gather the kernel set [i mod t, j mod t] for each output position.",
    ],
  },
});
