import { ShapeError } from "../diagnostics";
import { formatShape, type Shape } from "../shapes/shape";
import { axisParam, kerasAxis, notBatchAxis } from "./normalization";
import { bool, ints } from "./params";
import { defineLayer, expectRank, type LayerDoc, type PortSpec } from "./spec";

/** Merge layers (Keras `merging/`, tfjs `layers/merge.ts`): several tensors in, one out, no weights. */

/**
 * tfjs Merge.computeElementwiseOpOutputShape: shapes are right-aligned; a dim of 1 stretches,
 * an unknown dim on either side gives an unknown output dim, other dims must be equal.
 */
function broadcast(kind: string, a: Shape, b: Shape): Shape {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const lead = long.length - short.length;
  const out: (number | null)[] = long.slice(0, lead);
  short.forEach((j, k) => {
    const i = long[lead + k] ?? null;
    if (i === null || j === null) out.push(null);
    else if (i === 1 || j === 1) out.push(i === 1 ? j : i);
    else if (i === j) out.push(i);
    else {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `${kind}: inputs must have equal shapes (a dim of 1 broadcasts); received ${formatShape(a)} and ${formatShape(b)}`,
      );
    }
  });
  return out;
}

function atLeastTwo(kind: string, inputs: readonly Shape[]): void {
  if (inputs.length < 2) {
    throw new ShapeError("E_TOO_FEW_INPUTS", `${kind} needs at least 2 inputs; received ${inputs.length}`);
  }
}

const manyInputs: readonly PortSpec[] = [
  {
    name: "in",
    doc: "Two or more tensors of the same shape (a dim of 1 broadcasts).",
    variadic: { min: 2 },
  },
];

const elementwiseShapes = {
  inputShape: "two or more tensors of equal shape, e.g. (H, W, C) each",
  outputShape: "the common (broadcast) shape",
};
const broadcastNote =
  "As in tfjs, shapes broadcast: a dim of 1 (or a missing leading axis) stretches to match; an unknown dim makes that output dim unknown.";

/** One element-wise merge kind; all share tfjs' shape rule and create no weights. */
function elementwise<const K extends string>(
  kind: K,
  title: string,
  doc: Omit<LayerDoc, "inputShape" | "outputShape">,
) {
  return {
    kind,
    title,
    category: "Merge",
    params: {},
    inputs: manyInputs,
    infer: (_p: unknown, inputs: readonly Shape[]) => {
      atLeastTwo(kind, inputs);
      return [inputs.slice(1).reduce((acc, s) => broadcast(kind, acc, s), inputs[0] as Shape)];
    },
    weights: () => [],
    label: () => "",
    doc: {
      ...doc,
      ...elementwiseShapes,
      notes: [...(doc.notes ?? []), broadcastNote],
    },
  } as const;
}

export const Add = defineLayer(
  elementwise("Add", "Add", {
    summary: "Sums its inputs element-wise: the residual (skip) connection.",
    formula: "y = x_1 + x_2 + ... + x_n; in a residual block y = F(x) + x, so dL/dx = dL/dy (dF/dx + 1)",
    whenToUse:
      "Residual/skip connections (ResNet, Transformer sublayers), merging a BiRNN-like pair by sum. The branches must end with the same shape.",
    aliases: ["sum", "residual", "skip connection", "shortcut", "plus"],
    notes: [
      "An additive skip connection adds no parameters, and does not reduce them (004:L2893); a concatenating one increases the next layer's parameters.",
    ],
  }),
);

export const Subtract = defineLayer({
  ...elementwise("Subtract", "Subtract", {
    summary: "Subtracts the second input from the first, element-wise.",
    formula: "y = a - b",
    whenToUse: "Differences of two branches, e.g. Siamese networks comparing two embeddings.",
    aliases: ["difference", "minus"],
    notes: ["tfjs 4.22 has no Subtract layer: NetForge builds it as a custom layer computing a - b (Keras Subtract)."],
  }),
  inputs: [
    { name: "a", doc: "Minuend: the tensor subtracted from." },
    { name: "b", doc: "Subtrahend: same shape as a (a dim of 1 broadcasts)." },
  ],
});

export const Multiply = defineLayer(
  elementwise("Multiply", "Multiply", {
    summary: "Multiplies its inputs element-wise (Hadamard product).",
    formula: "y = x_1 * x_2 * ... * x_n (element-wise)",
    whenToUse:
      "Gating (one branch through a sigmoid scales another), attention-style weighting, BiRNN merge by product.",
    aliases: ["product", "hadamard", "element-wise multiply", "gate", "mul"],
  }),
);

export const Average = defineLayer(
  elementwise("Average", "Average", {
    summary: "Averages its inputs element-wise.",
    formula: "y = (x_1 + ... + x_n) / n",
    whenToUse: "Ensembling branch outputs, BiRNN merge by average.",
    aliases: ["mean", "ave", "ensemble"],
  }),
);

export const Maximum = defineLayer(
  elementwise("Maximum", "Maximum", {
    summary: "Element-wise maximum of its inputs.",
    formula: "y = max(x_1, ..., x_n) (element-wise)",
    whenToUse: "Maxout-style merges of parallel branches.",
    aliases: ["max", "maxout"],
  }),
);

export const Minimum = defineLayer(
  elementwise("Minimum", "Minimum", {
    summary: "Element-wise minimum of its inputs.",
    formula: "y = min(x_1, ..., x_n) (element-wise)",
    whenToUse: "Taking the smaller of two estimates, e.g. clipped objectives.",
    aliases: ["min"],
  }),
);

export const Concatenate = defineLayer({
  kind: "Concatenate",
  title: "Concatenate",
  category: "Merge",
  params: {
    axis: axisParam("Axis to join along (-1 = last: features/channels); counts the batch as axis 0, as in Keras."),
  },
  inputs: [
    {
      name: "in",
      doc: "Two or more tensors equal on every axis but `axis`.",
      variadic: { min: 2 },
    },
  ],
  check: (p) => notBatchAxis(p.axis),
  infer: (p, inputs) => {
    atLeastTwo("Concatenate", inputs);
    const first = inputs[0] as Shape;
    const i = kerasAxis("Concatenate", p.axis, first);
    const out = [...first];
    for (const s of inputs.slice(1)) {
      // tfjs compares the other axes with strict equality: an unknown ? matches only another ?.
      if (s.length !== first.length || s.some((d, k) => k !== i && d !== first[k])) {
        throw new ShapeError(
          "E_SHAPE_MISMATCH",
          `Concatenate: inputs must have equal shapes except on axis ${p.axis}; received ${formatShape(first)} and ${formatShape(s)}`,
        );
      }
      const a = out[i] ?? null;
      const b = s[i] ?? null;
      out[i] = a === null || b === null ? null : a + b;
    }
    return [out];
  },
  weights: () => [],
  label: (p) => (p.axis === -1 ? "" : `axis ${p.axis}`),
  doc: {
    summary: "Joins its inputs along one axis (by default the last: features or channels).",
    formula: "y = [x_1, x_2, ..., x_n] along axis; size on axis = sum of the inputs' sizes",
    inputShape: "two or more tensors, equal except on axis, e.g. (H, W, C_1), (H, W, C_2)",
    outputShape: "(H, W, C_1 + C_2 + ...) for axis -1",
    whenToUse:
      "DenseNet and U-Net skip connections, [h_(t-1), x_t] and [s_t, c_t] in RNN/attention maths, joining multi-head outputs or several feature branches.",
    aliases: ["concat", "join", "stack features", "merge", "dense skip"],
    notes: [
      "A concatenating skip connection increases the next layer's parameter count (it sees more channels); the notes claim skip connections reduce parameters (004:L2893).",
      "As in tfjs, an unknown dimension (?) on a non-joined axis only matches another unknown one.",
    ],
  },
});

export const Dot = defineLayer({
  kind: "Dot",
  title: "Dot",
  category: "Merge",
  params: {
    axes: ints({
      default: [-1],
      length: [1, 2],
      min: -3,
      max: 3,
      doc: "Axis summed over: [k] for both inputs or [k_a, k_b]; counts the batch as axis 0, as in Keras (-1 = last).",
    }),
    normalize: bool({
      default: false,
      doc: "L2-normalize both inputs along the axes first, so the result is the cosine similarity.",
    }),
  },
  inputs: [
    { name: "a", doc: "Tensor of rank 1 or 2 (batch excluded)." },
    {
      name: "b",
      doc: "Tensor of rank 1 or 2 whose size on its axis equals a's.",
    },
  ],
  check: (p) =>
    p.axes.includes(0)
      ? [
          {
            param: "axes",
            message: `axes must not include 0, the batch axis. Received: axes=${formatShape(p.axes)}`,
          },
        ]
      : [],
  infer: (p, [a, b]) => {
    const axes = p.axes as number[];
    const [ka, kb] = [axes[0] as number, (axes[1] ?? axes[0]) as number];
    expectRank("Dot", a as Shape, [1, 2], "input a (tfjs supports no higher rank)");
    expectRank("Dot", b as Shape, [1, 2], "input b (tfjs supports no higher rank)");
    const sa = a as Shape;
    const sb = b as Shape;
    const ia = kerasAxis("Dot", ka, sa);
    const ib = kerasAxis("Dot", kb, sb);
    // tfjs Dot.build compares with !==: an unknown ? matches only another ?.
    if (sa[ia] !== sb[ib]) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `Dot: the summed axes must have equal sizes; received ${formatShape(sa)} (axis ${ka}) and ${formatShape(sb)} (axis ${kb})`,
      );
    }
    const out = [...sa.filter((_, k) => k !== ia), ...sb.filter((_, k) => k !== ib)];
    return [out.length === 0 ? [1] : out];
  },
  weights: () => [],
  label: (p) => `axes ${p.axes.join(",")}${p.normalize ? " cosine" : ""}`,
  doc: {
    summary: "Dot product of two tensors along one axis each, per sample (cosine similarity with normalize).",
    formula:
      "y[i, j] = sum_k a[i, k] b[j, k] over the chosen axes (a batched matrix product); with normalize, a and b are divided by their L2 norms first",
    inputShape: "a and b of rank 1 or 2, e.g. (n) and (n), or (T, d) and (S, d)",
    outputShape:
      "a's remaining axes then b's: (1) for two vectors, (T, S) for (T, d) . (S, d) on axes [2, 2] (attention scores)",
    whenToUse:
      "Dot-product attention scores (score(s_t, h_j) = s_t . h_j), similarity of two embeddings (normalize for cosine), recommender dot products.",
    aliases: ["dot product", "inner product", "cosine similarity", "batch dot", "matmul", "attention score"],
    notes: ["tfjs' Dot supports inputs of rank <= 2 (batch excluded) only; use an attention layer beyond that."],
  },
});

export const mergingLayers = [Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot] as const;
