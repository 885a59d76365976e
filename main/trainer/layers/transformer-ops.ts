import * as tf from "@tensorflow/tfjs";
import type { ParamsOf } from "../compile/types";
import { applyActivation } from "./activation-fn";
import { AttentionLayerBase } from "./attention-layer";
import { dense, layerNorm, multiHeadAttention, trainingDropout } from "./attention-ops";
import { type ShapeList, shapeList } from "./layer-io";
import { pick } from "./weight-init";

/** The params both Transformer blocks share (shared/layers/transformer.ts blockParams). */
export type BlockParams = ParamsOf<"TransformerEncoderBlock">;

/**
 * What the encoder and decoder blocks share beyond AttentionLayerBase: the output has the shape
 * of the first input (the block's x or target).
 */
export abstract class TransformerBlockLayer<
  K extends "TransformerEncoderBlock" | "TransformerDecoderBlock",
> extends AttentionLayerBase<K> {
  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    return shapeList(inputShape)[0];
  }
}

type Weights = Map<string, tf.LayerVariable>;

/**
 * One residual sub-layer (Vaswani et al. 2017, section 5.4 for the dropout; Xiong et al. 2020 for
 * pre-norm): post-norm LN(x + Dropout(f(x))), pre-norm x + Dropout(f(LN(x))). `norm` names the
 * LayerNormalization weights (`${norm}/gamma`, `${norm}/beta`).
 */
export function sublayer(
  w: Weights,
  norm: string,
  p: BlockParams,
  training: boolean,
  x: tf.Tensor,
  f: (h: tf.Tensor) => tf.Tensor,
): tf.Tensor {
  const ln = (h: tf.Tensor) => layerNorm(h, pick(w, `${norm}/gamma`), pick(w, `${norm}/beta`), p.layerNormEpsilon);
  if (p.normFirst) return tf.add(x, trainingDropout(f(ln(x)), p.dropout, training));
  return ln(tf.add(x, trainingDropout(f(x), p.dropout, training)));
}

/** Self- or cross-attention sub-layer on the MultiHeadAttention weights under `prefix`. */
export function attentionSublayer(
  w: Weights,
  prefix: "selfAttention" | "crossAttention",
  p: BlockParams,
  training: boolean,
  x: tf.Tensor,
  memory: tf.Tensor | null,
  causal: boolean,
): tf.Tensor {
  const o = { causal, dropout: p.dropout, training };
  return sublayer(w, `${prefix}LayerNorm`, p, training, x, (h) =>
    multiHeadAttention(w, `${prefix}/`, h, memory ?? h, memory ?? h, o),
  );
}

/** Position-wise feed-forward sub-layer: act(h W1 + b1) W2 + b2 with relu or exact (erf) gelu. */
export function feedForwardSublayer(w: Weights, p: BlockParams, training: boolean, x: tf.Tensor): tf.Tensor {
  return sublayer(w, "feedforwardLayerNorm", p, training, x, (h) => {
    const inner = dense(
      h,
      pick(w, "feedforwardIntermediateDense/kernel"),
      pick(w, "feedforwardIntermediateDense/bias"),
    );
    const act = applyActivation(p.activation, inner);
    return dense(act, pick(w, "feedforwardOutputDense/kernel"), pick(w, "feedforwardOutputDense/bias"));
  });
}
