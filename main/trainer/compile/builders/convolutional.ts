import * as tf from "@tensorflow/tfjs";
import type { ActivationName } from "../../../../shared/layers/activations";
import { Conv } from "../../layers/conv";
import { DepthwiseConv } from "../../layers/depthwise-conv2d";
import { TiledConv2D } from "../../layers/tiled-conv2d";
import { activationLayer, withActivation } from "../activation";
import { applyChain } from "../apply";
import type { BuilderTable, ParamsOf } from "../types";
import { weightOptions } from "../weights-config";

/**
 * Builders for the convolution family (shared/layers/convolutional.ts, conv-depthwise.ts,
 * conv-tiled.ts). tfjs' own layers where they train correctly; NetForge layers for causal
 * padding, dilation > 1 (no gradient in tfjs 4.22), SeparableConv2D (tfjs initializes its
 * pointwise kernel with the depthwise initializer) and tiled convolution (no tfjs layer).
 */

const ints = (xs: readonly (number | null)[]) => xs.map((x) => x ?? 1);
const dilated = (rates: readonly (number | null)[]) => rates.some((d) => (d ?? 1) > 1);

/** A NetForge layer (always linear) followed by the activation as its own layer. */
function customWithActivation(layer: tf.layers.Layer, fn: ActivationName, name: string, inputs: tf.SymbolicTensor[]) {
  return applyChain(fn === "linear" ? [layer] : [layer, activationLayer(fn, `${name}_act`)], inputs);
}

const convWeights = weightOptions;

function convLayer(p: ParamsOf<"Conv1D"> | ParamsOf<"Conv2D">, rank: 1 | 2, name: string): Conv {
  return new Conv({
    rank,
    name,
    filters: p.filters,
    kernelSize: ints(p.kernelSize),
    strides: ints(p.strides),
    padding: p.padding,
    dilationRate: ints(p.dilationRate),
    useBias: p.useBias,
    kernelInitializer: p.kernelInitializer,
    biasInitializer: p.biasInitializer,
    kernelRegularizer: p.kernelRegularizer,
    biasRegularizer: p.biasRegularizer,
  });
}

function depthwiseLayer(p: ParamsOf<"DepthwiseConv2D"> | ParamsOf<"SeparableConv2D">, name: string) {
  return {
    name,
    kernelSize: ints(p.kernelSize),
    strides: ints(p.strides),
    padding: p.padding,
    dilationRate: ints(p.dilationRate),
    depthMultiplier: p.depthMultiplier,
    useBias: p.useBias,
    depthwiseInitializer: p.depthwiseInitializer,
    biasInitializer: p.biasInitializer,
    depthwiseRegularizer: p.depthwiseRegularizer,
    biasRegularizer: p.biasRegularizer,
  };
}

export const convolutionalBuilders = {
  Conv1D: ({ params: p, inputs, name }) => {
    if (p.padding === "causal" || dilated(p.dilationRate)) {
      return customWithActivation(convLayer(p, 1, name), p.activation, name, inputs);
    }
    const make = (activation: Parameters<typeof tf.layers.conv1d>[0]["activation"]) =>
      tf.layers.conv1d({
        name,
        filters: p.filters,
        kernelSize: ints(p.kernelSize)[0],
        strides: ints(p.strides)[0],
        padding: p.padding as "valid" | "same",
        activation,
        ...convWeights(p),
      });
    return withActivation(make, p.activation, name, inputs);
  },
  Conv2D: ({ params: p, inputs, name }) => {
    if (dilated(p.dilationRate)) {
      return customWithActivation(convLayer(p, 2, name), p.activation, name, inputs);
    }
    const make = (activation: Parameters<typeof tf.layers.conv2d>[0]["activation"]) =>
      tf.layers.conv2d({
        name,
        filters: p.filters,
        kernelSize: ints(p.kernelSize),
        strides: ints(p.strides),
        padding: p.padding,
        activation,
        ...convWeights(p),
      });
    return withActivation(make, p.activation, name, inputs);
  },
  Conv2DTranspose: ({ params: p, inputs, name }) => {
    const make = (activation: Parameters<typeof tf.layers.conv2dTranspose>[0]["activation"]) =>
      tf.layers.conv2dTranspose({
        name,
        filters: p.filters,
        kernelSize: ints(p.kernelSize),
        strides: ints(p.strides),
        padding: p.padding,
        activation,
        ...convWeights(p),
      });
    return withActivation(make, p.activation, name, inputs);
  },
  DepthwiseConv2D: ({ params: p, inputs, name }) => {
    if (dilated(p.dilationRate)) {
      const layer = new DepthwiseConv(depthwiseLayer(p, name));
      return customWithActivation(layer, p.activation, name, inputs);
    }
    const make = (activation: Parameters<typeof tf.layers.depthwiseConv2d>[0]["activation"]) =>
      tf.layers.depthwiseConv2d({
        name,
        kernelSize: ints(p.kernelSize) as [number, number],
        strides: ints(p.strides) as [number, number],
        padding: p.padding,
        depthMultiplier: p.depthMultiplier,
        activation,
        useBias: p.useBias,
        ...depthwiseTfjsWeights(p),
      });
    return withActivation(make, p.activation, name, inputs);
  },
  SeparableConv2D: ({ params: p, inputs, name }) => {
    const layer = new DepthwiseConv({
      ...depthwiseLayer(p, name),
      pointwise: { filters: p.filters, initializer: p.pointwiseInitializer, regularizer: p.pointwiseRegularizer },
    });
    return customWithActivation(layer, p.activation, name, inputs);
  },
  TiledConv2D: ({ params: p, inputs, name }) => {
    const layer = new TiledConv2D({
      name,
      filters: p.filters,
      kernelSize: ints(p.kernelSize),
      strides: ints(p.strides),
      padding: p.padding,
      tiles: p.tiles,
      useBias: p.useBias,
      kernelInitializer: p.kernelInitializer,
      biasInitializer: p.biasInitializer,
    });
    return customWithActivation(layer, p.activation, name, inputs);
  },
} satisfies Partial<BuilderTable>;

/** tfjs' DepthwiseConv2D weight options, from the spec's depthwise* params. */
function depthwiseTfjsWeights(p: ParamsOf<"DepthwiseConv2D">) {
  const w = weightOptions({
    useBias: p.useBias,
    kernelInitializer: p.depthwiseInitializer,
    biasInitializer: p.biasInitializer,
    kernelRegularizer: p.depthwiseRegularizer,
    biasRegularizer: p.biasRegularizer,
  });
  return {
    depthwiseInitializer: w.kernelInitializer,
    biasInitializer: w.biasInitializer,
    depthwiseRegularizer: w.kernelRegularizer,
    biasRegularizer: w.biasRegularizer,
  };
}
