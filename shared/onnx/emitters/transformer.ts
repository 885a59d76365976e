import { FLOAT, type OnnxGraph, type Value } from "../graph";
import { attr } from "../model";
import { emitActivation } from "./activation";
import { dense, type MhaWeights, multiHeadAttention } from "./attention";
import { trainingOnlyRates } from "./notes";
import type { EmitContext, EmitterTable, NoteTable, ParamsOf, WeightTensor } from "./types";

/**
 * Transformer blocks (shared/layers/transformer.ts), decomposed exactly as
 * main/trainer/layers/transformer-ops.ts computes them: each residual sub-layer is post-norm
 * LN(x + f(x)) or pre-norm x + f(LN(x)), with the block's layerNormEpsilon; dropout is the
 * identity at inference. LayerNormalization is an opset-17 op over the last axis.
 */

type Params = ParamsOf<"TransformerEncoderBlock">;

interface Block {
  g: OnnxGraph;
  p: Params;
  w: (name: string) => WeightTensor;
  prefix: string;
}

function layerNorm(b: Block, norm: string, x: string): string {
  const { g, w, prefix } = b;
  const gamma = w(`${norm}/gamma`);
  const beta = w(`${norm}/beta`);
  const d = gamma.shape[0];
  const inputs = [
    x,
    g.weight(`${prefix}/${norm}/gamma`, [d], gamma.data),
    g.weight(`${prefix}/${norm}/beta`, [d], beta.data),
  ];
  const attributes = { axis: attr.i(-1), epsilon: attr.f(b.p.layerNormEpsilon) };
  return g.op1("LayerNormalization", inputs, attributes, `${prefix}/${norm}`);
}

function sublayer(b: Block, norm: string, x: string, f: (h: string) => string): string {
  const add = (h: string) => b.g.op1("Add", [x, h], {}, `${b.prefix}/${norm}/residual`);
  return b.p.normFirst ? add(f(layerNorm(b, norm, x))) : layerNorm(b, norm, add(f(x)));
}

/** Self- (memory null) or cross-attention on the MultiHeadAttention weights under `name`/. */
function attentionSublayer(
  b: Block,
  name: "selfAttention" | "crossAttention",
  x: string,
  memory: string | null,
  o: { causal: boolean; tq?: number | null; tk?: number | null },
): string {
  const mha: MhaWeights = (layer, part) => b.w(`${name}/${layer}/${part}`);
  return sublayer(b, `${name}LayerNorm`, x, (h) =>
    multiHeadAttention(b.g, mha, h, memory ?? h, memory ?? h, o, `${b.prefix}/${name}`),
  );
}

/** act(h W1 + b1) W2 + b2, relu or the exact erf gelu (activation.ts decomposes it). */
function feedForwardSublayer(b: Block, x: string): string {
  const { g, w, prefix } = b;
  return sublayer(b, "feedforwardLayerNorm", x, (h) => {
    const inner = dense(
      g,
      h,
      w("feedforwardIntermediateDense/kernel"),
      w("feedforwardIntermediateDense/bias"),
      `${prefix}/ff1`,
    );
    const v: Value = { name: inner, rank: 3, layout: "channelsLast", elemType: FLOAT };
    const act = emitActivation(g, b.p.activation, v, `${prefix}/ff_act`).name;
    return dense(g, act, w("feedforwardOutputDense/kernel"), w("feedforwardOutputDense/bias"), `${prefix}/ff2`);
  });
}

function block(ctx: EmitContext<"TransformerEncoderBlock"> | EmitContext<"TransformerDecoderBlock">): Block {
  return { g: ctx.g, p: ctx.params, w: ctx.weight, prefix: ctx.prefix };
}

const seq = (name: string): Value[] => [{ name, rank: 3, layout: "channelsLast", elemType: FLOAT }];

export const transformerEmitters = {
  TransformerEncoderBlock: (ctx) => {
    const b = block(ctx);
    const x = ctx.g.toLayout(ctx.inputs[0], "channelsLast").name;
    return seq(feedForwardSublayer(b, attentionSublayer(b, "selfAttention", x, null, { causal: false })));
  },
  TransformerDecoderBlock: (ctx) => {
    // Causal self-attention, cross-attention on the memory when connected, then the FFN.
    const b = block(ctx);
    const [x, memory] = ctx.inputs.map((v) => ctx.g.toLayout(v, "channelsLast").name);
    const t = ctx.inputShapes[0][0];
    let h = attentionSublayer(b, "selfAttention", x, null, { causal: true, tq: t, tk: t });
    if (memory) h = attentionSublayer(b, "crossAttention", h, memory, { causal: false });
    return seq(feedForwardSublayer(b, h));
  },
} satisfies Partial<EmitterTable>;

export const transformerNotes = {
  TransformerEncoderBlock: (params) => trainingOnlyRates(params, ["dropout"]),
  TransformerDecoderBlock: (params) => trainingOnlyRates(params, ["dropout"]),
} satisfies NoteTable;
