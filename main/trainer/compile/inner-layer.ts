import * as tf from "@tensorflow/tfjs";
import type { ActivationName } from "../../../shared/layers/activations";
import { resolvePoolStrides } from "../../../shared/layers/pooling";
import { activationLayer, nativeActivation } from "./activation";
import { batchNormalizationLayer, layerNormalizationLayer } from "./builders/normalization";
import type { ParamsOf } from "./types";
import { weightOptions } from "./weights-config";

/**
 * Unapplied tfjs layers for the kinds TimeDistributed may wrap (shared/layers/wrappers.ts
 * PER_STEP_KINDS). Family builders apply their layers to inputs; a wrapper needs the layer itself.
 * Params are the nested layer's params as resolveParams validated them (defaults filled).
 */

type WithActivation = "Dense" | "Conv1D" | "Conv2D";
const WITH_ACTIVATION = new Set<string>(["Dense", "Conv1D", "Conv2D"]);

/**
 * The activation a Dense or Conv layer needs from NetForge's ActivationFn layer after it (tfjs has
 * no identifier for it), or null when tfjs computes the layer's activation itself.
 */
export function trailingActivation(kind: string, params: Record<string, unknown>): ActivationName | null {
  if (!WITH_ACTIVATION.has(kind)) return null;
  const fn = (params as ParamsOf<WithActivation>).activation;
  return nativeActivation(fn) === null ? fn : null;
}

/** The tfjs activation identifier of a Dense or Conv layer; refuses one tfjs cannot compute inside. */
function tfjsActivation(kind: WithActivation, p: ParamsOf<WithActivation>) {
  const native = nativeActivation(p.activation);
  if (native === null) {
    throw new Error(
      `${kind} with activation "${p.activation}" cannot be built as one tfjs layer: tfjs has no such activation, so NetForge applies it as a separate layer (build the ${kind} with activation "linear" and apply ActivationFn after it)`,
    );
  }
  return native;
}

/**
 * tfjs applies activity regularizers in Layer.apply (where 4.22 throws NotImplementedError), and
 * TimeDistributed calls its inner layer's call(), which skips them: refuse rather than ignore it.
 */
function weights(kind: WithActivation, p: ParamsOf<WithActivation>) {
  const r = p.activityRegularizer;
  if (r !== null && (r.l1 > 0 || r.l2 > 0)) {
    throw new Error(
      `TimeDistributed(${kind}) with an activityRegularizer is not supported; put it on a layer after the wrapper`,
    );
  }
  return { ...weightOptions(p), activityRegularizer: undefined };
}

/** Dilated and causal convolutions need NetForge's own layers, which act on a whole tensor only. */
function plainConv(kind: "Conv1D" | "Conv2D", p: ParamsOf<"Conv1D"> | ParamsOf<"Conv2D">): void {
  if (p.padding === "causal") {
    throw new Error(
      `TimeDistributed(${kind}) with padding "causal" is not supported (tfjs 4.22 has no causal padding)`,
    );
  }
  if (p.dilationRate.some((d) => (d ?? 1) > 1)) {
    throw new Error(
      `TimeDistributed(${kind}) with dilationRate ${JSON.stringify(p.dilationRate)} is not supported (tfjs 4.22 has no gradient for dilated convolutions)`,
    );
  }
}

export function makeInnerLayer(kind: string, params: Record<string, unknown>, name: string): tf.layers.Layer {
  switch (kind) {
    case "Dense": {
      const p = params as ParamsOf<"Dense">;
      return tf.layers.dense({ name, units: p.units, activation: tfjsActivation(kind, p), ...weights(kind, p) });
    }
    case "Conv1D": {
      const p = params as ParamsOf<"Conv1D">;
      plainConv(kind, p);
      return tf.layers.conv1d({
        name,
        filters: p.filters,
        kernelSize: p.kernelSize[0] as number,
        strides: p.strides[0] as number,
        padding: p.padding as "valid" | "same",
        activation: tfjsActivation(kind, p),
        ...weights(kind, p),
      });
    }
    case "Conv2D": {
      const p = params as ParamsOf<"Conv2D">;
      plainConv(kind, p);
      return tf.layers.conv2d({
        name,
        filters: p.filters,
        kernelSize: p.kernelSize as number[],
        strides: p.strides as number[],
        padding: p.padding,
        activation: tfjsActivation(kind, p),
        ...weights(kind, p),
      });
    }
    case "Flatten":
      return tf.layers.flatten({ name });
    case "Activation": {
      const p = params as ParamsOf<"Activation">;
      const steep = p.activation === "sigmoid" || p.activation === "bipolarSigmoid";
      return activationLayer(p.activation, name, steep && p.steepness !== 1 ? { lambda: p.steepness } : {});
    }
    case "Dropout": {
      const p = params as ParamsOf<"Dropout">;
      // The spec's noise shape excludes the batch axis; tfjs' includes it (null = input's size).
      const noiseShape = p.noiseShape.length > 0 ? [null, ...p.noiseShape] : undefined;
      return tf.layers.dropout({ name, rate: p.rate, noiseShape: noiseShape as number[] | undefined });
    }
    case "MaxPooling2D":
    case "AveragePooling2D": {
      const p = params as ParamsOf<"MaxPooling2D">;
      const args = {
        name,
        poolSize: p.poolSize as [number, number],
        strides: resolvePoolStrides(p.poolSize, p.strides) as [number, number],
        padding: p.padding,
      };
      return kind === "MaxPooling2D" ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case "GlobalAveragePooling2D":
      return tf.layers.globalAveragePooling2d({ name });
    case "BatchNormalization":
      return batchNormalizationLayer(params as ParamsOf<"BatchNormalization">, name);
    case "LayerNormalization":
      return layerNormalizationLayer(params as ParamsOf<"LayerNormalization">, name);
    case "Reshape":
      return tf.layers.reshape({ name, targetShape: (params as ParamsOf<"Reshape">).targetShape as number[] });
    default:
      throw new Error(`no unapplied tfjs layer for kind ${kind} (TimeDistributed cannot wrap it)`);
  }
}
