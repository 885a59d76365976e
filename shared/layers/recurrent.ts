import { ShapeError } from "../diagnostics";
import { formatShape, type Shape } from "../shapes/shape";
import { ACTIVATION_NAMES } from "./activations";
import { activationParam, weightParams } from "./common-params";
import { INITIALIZER_NAMES } from "./initializers";
import { bool, float, int, oneOf, regularizer } from "./params";
import { defineLayer, expectRank, known, weight } from "./spec";

/**
 * SimpleRNN, LSTM and GRU (Keras `recurrent.py`, tfjs `layers/recurrent.ts`). One gate block
 * is a kernel slice [F, units], a recurrent slice [units, units] and a bias slice [units];
 * the three kinds differ only in the number of blocks (1, 4, 3) and of states (h; h and c).
 */

const rate = (doc: string) => float({ default: 0, min: 0, max: 1, exclusiveMax: true, doc });

const { useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer } =
  weightParams("glorotUniform");

/** The params every recurrent kind shares, in Keras order. */
function rnnParams() {
  return {
    units: int({
      default: 32,
      min: 1,
      max: 100_000,
      doc: "Size of the hidden state h (and of the output).",
    }),
    activation: activationParam("tanh"),
    useBias,
    returnSequences: bool({
      default: false,
      doc: "Output h_t for every time step (T, units) instead of only the last one (units). Needed to stack RNNs.",
    }),
    returnState: bool({
      default: false,
      doc: "Also output the final state(s) on extra ports, e.g. to initialise a seq2seq decoder.",
    }),
    goBackwards: bool({
      default: false,
      doc: "Process the sequence from the last step to the first.",
    }),
    dropout: rate("Fraction of the input units x_t dropped during training (0 <= rate < 1)."),
    recurrentDropout: rate("Fraction of the recurrent units h_(t-1) dropped during training (0 <= rate < 1)."),
    kernelInitializer,
    recurrentInitializer: oneOf(INITIALIZER_NAMES, {
      default: "orthogonal",
      doc: "How the recurrent kernel U is initialized; orthogonal keeps h's norm stable over many steps.",
    }),
    biasInitializer,
    kernelRegularizer,
    recurrentRegularizer: regularizer("L1/L2 penalty on the recurrent kernel U, added to the loss."),
    biasRegularizer,
  };
}

/** LSTM and GRU add the gates' activation right after the output activation. */
function gatedParams() {
  const { units, activation, ...rest } = rnnParams();
  const recurrentActivation = oneOf(ACTIVATION_NAMES, {
    default: "sigmoid",
    doc: "Activation of the gates (sigma in the equations). tfjs defaults to hardSigmoid; sigmoid matches the textbook.",
  });
  return { units, activation, recurrentActivation, ...rest };
}

interface RnnValues {
  units: number;
  useBias: boolean;
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  activation: string;
}

/**
 * Keras RNN.compute_output_shape: (T, units) or (units), then one (units) per state. The optional
 * initial states follow x in port order; all of them or none (Keras and tfjs take the full list).
 */
function rnnInfer(kind: string, states: readonly string[]) {
  return (p: RnnValues, [x, ...initial]: readonly Shape[]): Shape[] => {
    expectRank(kind, x, 2, "input (T, F)");
    known(kind, x[1], "feature dimension F (last axis)");
    checkInitialStates(kind, states, p.units, initial);
    const out: Shape = p.returnSequences ? [x[0], p.units] : [p.units];
    return [out, ...(p.returnState ? states.map((): Shape => [p.units]) : [])];
  };
}

function checkInitialStates(kind: string, states: readonly string[], units: number, initial: readonly Shape[]) {
  if (initial.length > 0 && initial.length < states.length) {
    throw new ShapeError(
      "E_UNCONNECTED_INPUT",
      `${kind} takes its initial states ${states.join(" and ")} together or not at all; received ${initial.length} of ${states.length}`,
    );
  }
  initial.forEach((shape, i) => {
    if (shape.length !== 1 || (shape[0] !== null && shape[0] !== units)) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `${kind} expects initial state ${states[i]} of shape (${units}) = (units); received ${formatShape(shape)}`,
      );
    }
  });
}

function rnnWeights(kind: string, blocks: number) {
  return (p: RnnValues, [x]: readonly Shape[]) => {
    const f = known(kind, x[x.length - 1], "feature dimension F (last axis)");
    const n = blocks * p.units;
    return [
      weight("kernel", [f, n]),
      weight("recurrent_kernel", [p.units, n]),
      ...(p.useBias ? [weight("bias", [n])] : []),
    ];
  };
}

function rnnLabel(p: RnnValues): string {
  const flags = [p.returnSequences && "seq", p.returnState && "state", p.goBackwards && "reverse"];
  return [String(p.units), p.activation === "tanh" ? "" : p.activation, ...flags].filter(Boolean).join(" ");
}

const sequencePort = {
  name: "in",
  doc: "A sequence (T, F): T time steps (may be unknown) of F features.",
};
/** Optional initial states (Keras initial_state): a seq2seq decoder starts from the encoder's final state. */
const statePort = (name: string, what: string) => ({
  name,
  doc: `Initial ${what} (units), optional: the state before the first step, e.g. an encoder's final ${name}; zeros when not connected.`,
  optional: true,
});
const hPort = statePort("h", "hidden state h_0");
const cPort = statePort("c", "cell state c_0");

const rnnShapes = {
  inputShape: "(T, F); T may be unknown (?), F must be known; optional initial state(s) (units) each",
  outputShape: "(units), or (T, units) with returnSequences; with returnState also the final state(s), (units) each",
};
const sharedNotes = [
  "Weights are shared across time: the same W, U and b are used at every step. The notes' RNN with a different weight per step (001:L930-947) is not an RNN.",
  "kernelInitializer defaults to glorotUniform as in Keras; tfjs' own default for recurrent layers is glorotNormal. Parameter counts do not depend on it.",
];

export const SimpleRNN = defineLayer({
  kind: "SimpleRNN",
  title: "Simple RNN",
  category: "Recurrent",
  params: rnnParams(),
  inputs: [sequencePort, hPort],
  outputs: (p) => (p.returnState ? ["out", "h"] : ["out"]),
  infer: rnnInfer("SimpleRNN", ["h"]),
  weights: rnnWeights("SimpleRNN", 1),
  label: rnnLabel,
  doc: {
    summary: "Elman recurrent layer: the hidden state is fed back as input at the next time step.",
    formula:
      "h_t = f(x_t W + h_(t-1) U + b), h_0 = 0 (or the h port's value), f = activation (tanh); W: [F, units], U: [units, units], b: [units]. Example (G-28): W = 0.5, U = 0.8, b = 0, x = [1, 0, -1] gives h = [0.462117, 0.353724, -0.213677]",
    ...rnnShapes,
    whenToUse:
      "Short sequences and teaching BPTT. For dependencies over more than a few dozen steps use LSTM or GRU: a simple RNN's gradients vanish (or explode) through time.",
    aliases: ["rnn", "elman", "vanilla rnn", "recurrent", "sequence", "hidden state"],
    notes: [
      ...sharedNotes,
      "The RNN combines x_t with the hidden state h_(t-1), not with the previous input x_(t-1) (004:L2291).",
      "A vanilla RNN does not remember everything (000:L1402): its memory fades (vanishing gradients); LSTM is a separate architecture built to fix that.",
      "ReLU does not make gradients explode because its derivative is 'above 1' (001:L974, 002:L657): ReLU' is 0 or 1. Explosion comes from a recurrent matrix U with norm > 1; clip gradients.",
    ],
  },
});

export const LSTM = defineLayer({
  kind: "LSTM",
  title: "LSTM",
  category: "Recurrent",
  params: {
    ...gatedParams(),
    unitForgetBias: bool({
      default: true,
      doc: "Initialise the forget-gate bias to 1 (Jozefowicz et al. 2015), so the cell remembers by default.",
    }),
  },
  inputs: [sequencePort, hPort, cPort],
  outputs: (p) => (p.returnState ? ["out", "h", "c"] : ["out"]),
  infer: rnnInfer("LSTM", ["h", "c"]),
  weights: rnnWeights("LSTM", 4),
  label: rnnLabel,
  doc: {
    summary: "Long short-term memory: a gated cell state c carries information over long sequences.",
    formula: [
      "i_t = sigma(x_t W_i + h_(t-1) U_i + b_i); f_t = sigma(x_t W_f + h_(t-1) U_f + b_f);",
      "o_t = sigma(x_t W_o + h_(t-1) U_o + b_o); c~_t = tanh(x_t W_c + h_(t-1) U_c + b_c);",
      "c_t = f_t * c_(t-1) + i_t * c~_t; h_t = o_t * tanh(c_t) (* is element-wise; sigma = recurrentActivation, tanh = activation).",
      "Kernel [F, 4 units] = [W_i W_f W_c W_o], recurrent kernel [units, 4 units], bias [4 units]: params = 4 (units (F + units) + units).",
      "Example (G-27): all weights 0.5, b = 0, x = 1, h_0 = c_0 = 0 gives c_1 = 0.287649, h_1 = 0.174270.",
    ].join(" "),
    ...rnnShapes,
    whenToUse:
      "Sequence classification, forecasting and language models where dependencies span many steps. Stack layers with returnSequences; use returnState for a seq2seq encoder.",
    aliases: ["long short-term memory", "lstm cell", "gated rnn", "memory cell", "recurrent", "seq2seq encoder"],
    notes: [
      ...sharedNotes,
      "recurrentActivation defaults to sigmoid, as the textbook and the notes' equations use; tfjs' own default is hardSigmoid, which gives different numbers (set it explicitly when comparing).",
      "unitForgetBias defaults to true as in Keras; tfjs leaves it false unless set.",
      "The gate pre-activations are matrix products, not element-wise multiplications of the inputs with the weights (004:L2767).",
      "The candidate is c~_t, distinct from the cell state c_t (000:L1691 names both C_t).",
      "Gate outputs are continuous values in (0, 1), not a 0/1 decision (004:L2797).",
      "LSTM mainly fixes vanishing gradients; the remedy for exploding gradients is gradient clipping (000:L410). It costs more per step than a simple RNN (000:L1592); it is better at long dependencies.",
    ],
  },
});

export const GRU = defineLayer({
  kind: "GRU",
  title: "GRU",
  category: "Recurrent",
  params: gatedParams(),
  inputs: [sequencePort, hPort],
  outputs: (p) => (p.returnState ? ["out", "h"] : ["out"]),
  infer: rnnInfer("GRU", ["h"]),
  weights: rnnWeights("GRU", 3),
  label: rnnLabel,
  doc: {
    summary: "Gated recurrent unit: update and reset gates, no separate cell state; fewer weights than an LSTM.",
    formula: [
      "z_t = sigma(x_t W_z + h_(t-1) U_z + b_z); r_t = sigma(x_t W_r + h_(t-1) U_r + b_r);",
      "h~_t = tanh(x_t W_h + (r_t * h_(t-1)) U_h + b_h); h_t = z_t * h_(t-1) + (1 - z_t) * h~_t",
      "(Cho et al. 2014, Keras reset_after=false). params = 3 (units (F + units) + units).",
      "Example (G-29): all weights 0.5, b = 0, x = 1, h_0 = 0 gives z = r = 0.622459, h~ = 0.462117, h_1 = 0.174468.",
    ].join(" "),
    ...rnnShapes,
    whenToUse:
      "Like LSTM for long sequences, with about 3/4 of its weights and a bit faster; try both, neither wins everywhere.",
    aliases: ["gated recurrent unit", "gru cell", "gated rnn", "recurrent"],
    notes: [
      ...sharedNotes,
      "recurrentActivation defaults to sigmoid, as the textbook uses; tfjs' own default is hardSigmoid.",
      "No resetAfter option: tfjs 4.22 throws for resetAfter=true, so this is the reset-before GRU with one bias per gate. Keras 2+ defaults to reset_after=True (and PyTorch's GRU is alike), which has 3 units extra biases: its GRU(units) counts 3 (units (F + units) + 2 units) parameters.",
      "Gate convention: r_t near 0 ignores h_(t-1) (short-term focus); z_t near 1 keeps h_(t-1) (long-term memory). The notes call the reset gate 'active' near 0 (000:L1792, L1814).",
      "The notes claim both that a GRU overfits less and more than an LSTM (000:L1842, L1856); neither holds in general. It has fewer parameters, which helps on small data.",
    ],
  },
});

export const recurrentLayers = [SimpleRNN, LSTM, GRU] as const;
