import type { StepSample, StepThroughResult, TensorView } from "../../../shared/api/schemas/step-through";

/** One row of a step: a named tensor and the formula that produced it. */
export interface StepRow {
  label: string;
  formula: string;
  tensor: TensorView;
}

/** One screen of the step-through: the block it highlights and its numbers. */
export interface StepScreen {
  phase: "forward" | "loss" | "backward";
  nodeId: string | null;
  title: string;
  rows: StepRow[];
}

const scalar = (v: number): TensorView => ({ shape: [], values: [v], mean: v, std: 0, min: v, max: v });

/**
 * Forward block by block (weights, net, out), the loss, then backward from the last block
 * (dL/dout, dL/dnet, dL/dw and the weight after one optimizer step), as the notes work it.
 */
export function stepScreens(r: StepThroughResult): StepScreen[] {
  const n = r.layers.length;
  const forward = r.layers.map((l, i): StepScreen => {
    const rows: StepRow[] = l.weights.map((w) => ({
      label: w.name,
      formula: "given (hand-set or initialized)",
      tensor: w.value,
    }));
    if (l.pre) rows.push({ label: "net", formula: netFormula(l.formula), tensor: l.pre.value });
    for (const [k, o] of l.outputs.entries()) {
      const formula = l.activation ? `${l.activation.name}(net): ${l.activation.formula}` : l.formula;
      rows.push({ label: l.outputs.length > 1 ? `out ${k}` : "out", formula, tensor: o.value });
    }
    return { phase: "forward", nodeId: l.nodeId, title: `Forward ${i + 1} of ${n}: ${l.nodeId} (${l.kind})`, rows };
  });
  const loss: StepScreen = {
    phase: "loss",
    nodeId: r.layers.at(-1)?.nodeId ?? null,
    title: `Loss: ${r.loss.name}`,
    rows: [
      ...r.targets.map((t) => ({ label: "target", formula: "the sample's target", tensor: t })),
      { label: "L", formula: r.loss.formula, tensor: scalar(r.loss.value) },
    ],
  };
  const step = `${r.optimizer.formula} (${r.optimizer.name}, lr = ${r.optimizer.learningRate})`;
  const backward = [...r.layers].reverse().map((l, i): StepScreen => {
    const rows: StepRow[] = l.outputs.map((o) => ({
      label: "dL/dout",
      formula: "from the block after (chain rule, tf.grads)",
      tensor: o.grad,
    }));
    if (l.pre) {
      const act = l.activation?.name ?? "f";
      rows.push({ label: "dL/dnet", formula: `dL/dout * ${act}'(net)`, tensor: l.pre.grad });
    }
    for (const w of l.weights) {
      if (w.grad) rows.push({ label: `dL/d${w.name}`, formula: `dL/dnet * dnet/d${w.name}`, tensor: w.grad });
      if (w.updated) rows.push({ label: `${w.name}'`, formula: step, tensor: w.updated });
    }
    return { phase: "backward", nodeId: l.nodeId, title: `Backward ${i + 1} of ${n}: ${l.nodeId} (${l.kind})`, rows };
  });
  return [...forward, loss, ...backward];
}

/** Four decimals for everyday values (the notes' 0.0822); significant digits for the very small or large. */
export function formatValue(v: number): string {
  if (v === 0) return "0";
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toPrecision(3);
}

/** A tensor as rows of values (the last axis across), or its summary when not listed. */
export function tensorRows(t: TensorView): string[][] | null {
  if (!t.values) return null;
  const width = t.shape.length ? (t.shape.at(-1) as number) : 1;
  const rows: string[][] = [];
  for (let i = 0; i < t.values.length; i += Math.max(width, 1))
    rows.push(t.values.slice(i, i + width).map(formatValue));
  return rows;
}

/** "y = f(x W + b), ..." -> "net = x W + b": the layer's formula before its activation. */
function netFormula(formula: string): string {
  const inner = /f\((.*?)\)(,|$)/.exec(formula)?.[1];
  return inner ? `net = ${inner}` : "the layer before its activation";
}

/**
 * A typed-in sample: "0.05, 0.1" or a JSON array for x and for y. Both empty means "use the data's
 * sample"; otherwise both must parse, or the message says which and what was received.
 */
export function typedSample(x: string, y: string): StepSample | { error: string } | null {
  if (!x.trim() && !y.trim()) return null;
  const parse = (name: string, text: string) => {
    const body = text.trim().startsWith("[") ? text : `[${text}]`;
    try {
      // The host checks that every entry is a finite number (the request schema).
      const v: unknown = JSON.parse(body);
      if (Array.isArray(v) && v.length > 0) return v as NonNullable<StepSample["x"]>;
    } catch {
      // reported below
    }
    throw new Error(
      `${name}: expected numbers separated by commas (e.g. 0.05, 0.1) or a JSON array; received "${text}"`,
    );
  };
  try {
    return { x: parse("x", x), y: parse("y", y) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
