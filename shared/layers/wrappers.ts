import { ShapeError } from "../diagnostics";
import type { Shape } from "../shapes/shape";
import { type LayerDef, type NestedLayer, oneOf } from "./params";
import { type AnyLayerSpec, defineLayer, expectMinRank, type SpecContext, type WeightSpec } from "./spec";

/**
 * Wrappers (Keras `wrappers/`, tfjs `layers/wrappers.ts`) run an inner layer that is itself a
 * param; they infer through the inner spec found with `ctx.lookup`, never by re-deriving it.
 */

const nested = (d: Omit<LayerDef, "type">): LayerDef => ({
  type: "layer",
  ...d,
});

function innerSpec(kind: string, layer: NestedLayer, ctx: SpecContext): AnyLayerSpec {
  const spec = ctx.lookup(layer.kind);
  if (!spec) throw new ShapeError("E_UNKNOWN_KIND", `${kind}: unknown inner layer kind "${layer.kind}"`, "layer");
  return spec;
}

/** Runs the inner spec; its ShapeErrors keep their code and name the wrapper, e.g. "TimeDistributed(Dense): ...". */
function through<T>(kind: string, layer: NestedLayer, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ShapeError) throw new ShapeError(e.code, `${kind}(${layer.kind}): ${e.message}`, e.param);
    throw e;
  }
}

/** Labels get no lookup context, so the inner part names the kind and its size param only. */
function innerLabel(layer: NestedLayer): string {
  const size = layer.params.units ?? layer.params.filters;
  return typeof size === "number" ? `${layer.kind} ${size}` : layer.kind;
}

export const Bidirectional = defineLayer({
  kind: "Bidirectional",
  title: "Bidirectional",
  category: "Recurrent",
  params: {
    layer: nested({
      default: { kind: "LSTM", params: { units: 32 } },
      kinds: ["SimpleRNN", "LSTM", "GRU"],
      doc: "The recurrent layer run in both directions; a copy with its own weights reads the sequence backwards.",
    }),
    mergeMode: oneOf(["concat", "sum", "mul", "ave"], {
      default: "concat",
      doc: "How the forward and backward outputs are combined: concat doubles the last axis; sum, mul and ave keep it.",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "A sequence (T, F), as for the wrapped recurrent layer.",
    },
  ],
  check: (p) =>
    p.layer.params.returnState === true
      ? [
          {
            param: "layer.returnState",
            message:
              "Bidirectional does not support an inner layer with returnState=true (its 2 or 4 extra state outputs are not offered). Received: layer.returnState=true",
          },
        ]
      : [],
  infer: (p, inputs, ctx) => {
    if (p.layer.params.returnState === true) {
      throw new ShapeError(
        "E_PARAM_INVALID",
        "Bidirectional does not support an inner layer with returnState=true",
        "layer.returnState",
      );
    }
    const inner = innerSpec("Bidirectional", p.layer, ctx);
    const [out] = through("Bidirectional", p.layer, () => inner.infer(p.layer.params, inputs, ctx)) as [Shape];
    if (p.mergeMode !== "concat") return [out];
    const last = out[out.length - 1] ?? null;
    return [[...out.slice(0, -1), last === null ? null : 2 * last]];
  },
  weights: (p, inputs, ctx) => {
    const inner = innerSpec("Bidirectional", p.layer, ctx);
    const ws: WeightSpec[] = through("Bidirectional", p.layer, () => inner.weights(p.layer.params, inputs, ctx));
    return ["forward", "backward"].flatMap((dir) => ws.map((w) => ({ ...w, name: `${dir}_${w.name}` })));
  },
  label: (p) => `${innerLabel(p.layer)} ${p.mergeMode}`,
  doc: {
    summary: "Runs a recurrent layer forwards and a copy backwards over the sequence and merges both outputs.",
    formula:
      "h->_t = RNN_fwd(x_1..x_t), h<-_t = RNN_bwd(x_T..x_t) (separate weights); y_t = merge(h->_t, h<-_t) with merge = concat [h->, h<-], sum, product or average. Parameters = 2 x those of the inner layer.",
    inputShape: "(T, F), as for the inner layer",
    outputShape:
      "the inner layer's output with the last axis doubled for concat: (2 units) or (T, 2 units) with returnSequences",
    whenToUse:
      "Tagging (POS, NER), sentiment and other tasks where the whole sequence is known before predicting: each step sees both its past and its future.",
    aliases: ["birnn", "bilstm", "bigru", "brnn", "bidirectional rnn", "two-way rnn"],
    notes: [
      "Both directions run in the forward pass; one loss is computed on the merged output and back-propagated through both. The 'backward' direction is not the backward (gradient) pass (004:L2641-2646).",
      "It needs the entire sequence, future steps included: unusable for real-time or causal forecasting (stock prices) and for generation (004:L2655-2656, 000:L1565).",
      "An inner layer with returnState=true is not supported here (tfjs would return 2 or 4 extra states); use a plain LSTM/GRU with returnState for a seq2seq encoder.",
    ],
  },
});

/** Kinds that act on one time step's tensor; only those present in the catalog resolve. */
const PER_STEP_KINDS = [
  "Dense",
  "Flatten",
  "Activation",
  "Dropout",
  "Conv1D",
  "Conv2D",
  "MaxPooling2D",
  "AveragePooling2D",
  "GlobalAveragePooling2D",
  "BatchNormalization",
  "LayerNormalization",
  "Reshape",
] as const;

export const TimeDistributed = defineLayer({
  kind: "TimeDistributed",
  title: "Time Distributed",
  category: "Recurrent",
  params: {
    layer: nested({
      default: { kind: "Dense", params: { units: 32 } },
      kinds: PER_STEP_KINDS,
      doc: "The layer applied to every time step, with one set of weights shared by all steps.",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "Tensor (T, ...) of rank >= 2; axis 0 (after the batch) is time.",
    },
  ],
  infer: (p, [x], ctx) => {
    expectMinRank("TimeDistributed", x as Shape, 2, "input (T, ...)");
    const inner = innerSpec("TimeDistributed", p.layer, ctx);
    const step = (x as Shape).slice(1);
    const outs = through("TimeDistributed", p.layer, () => inner.infer(p.layer.params, [step], ctx));
    return [[(x as Shape)[0] ?? null, ...(outs[0] as Shape)]];
  },
  weights: (p, [x], ctx) => {
    const inner = innerSpec("TimeDistributed", p.layer, ctx);
    return through("TimeDistributed", p.layer, () => inner.weights(p.layer.params, [(x as Shape).slice(1)], ctx));
  },
  label: (p) => innerLabel(p.layer),
  doc: {
    summary: "Applies the same layer independently to every time step of a sequence.",
    formula: "y_t = layer(x_t) for t = 1..T, with the inner layer's weights shared across t (no mixing between steps)",
    inputShape: "(T, ...), the inner layer's input with a time axis in front",
    outputShape: "(T, ...), the inner layer's output for one step, with T in front",
    whenToUse:
      "Many-to-many models: a Dense softmax head on every step of an LSTM with returnSequences (tagging, seq2seq decoder), or a CNN on every frame of a video.",
    aliases: ["per time step", "per-step dense", "timestep wrapper", "apply to every frame"],
    notes: [
      "Parameters equal the inner layer's for one step: the weights are shared, not repeated T times. Dense on (T, F) already acts per step; TimeDistributed(Dense) is the explicit form.",
    ],
  },
});

export const wrapperLayers = [Bidirectional, TimeDistributed] as const;
