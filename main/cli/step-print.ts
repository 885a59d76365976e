import type { StepThroughResult, TensorView } from "../../shared/api/schemas/step-through";

/** Values to 7 significant digits (what float32 holds); summaries when not listed. */
export function tensorText(t: TensorView): string {
  const shape = `[${t.shape.join(", ")}]`;
  if (t.values) return `${shape} ${t.values.map((v) => Number(v.toPrecision(7))).join(", ")}`;
  const f = (v: number) => Number(v.toPrecision(4));
  return `${shape} mean ${f(t.mean)}, std ${f(t.std)}, min ${f(t.min)}, max ${f(t.max)}`;
}

/** The terminal form: forward block by block, the loss, then backward from the last block. */
export function describeStep(r: StepThroughResult): string {
  const lines = [
    `sample ${r.sampleIndex ?? "(typed in)"}: ${r.paramCount} weights${r.detailed ? "" : " (too many to list: per-tensor summaries)"}`,
    `input  ${r.inputs.map(tensorText).join("; ")}`,
    `target ${r.targets.map(tensorText).join("; ")}`,
    "",
    "forward",
  ];
  for (const l of r.layers) {
    lines.push(`  ${l.nodeId} (${l.kind}): ${l.formula}`);
    for (const w of l.weights) lines.push(`    ${w.name} ${tensorText(w.value)}`);
    if (l.pre) lines.push(`    net ${tensorText(l.pre.value)}`);
    if (l.activation) lines.push(`    activation ${l.activation.name}: ${l.activation.formula}`);
    for (const o of l.outputs) lines.push(`    out ${tensorText(o.value)}`);
  }
  lines.push("", `loss ${r.loss.name} = ${Number(r.loss.value.toPrecision(7))}   ${r.loss.formula}`, "", "backward");
  for (const l of [...r.layers].reverse()) {
    lines.push(`  ${l.nodeId} (${l.kind})`);
    for (const o of l.outputs) lines.push(`    dL/dout ${tensorText(o.grad)}`);
    if (l.pre) lines.push(`    dL/dnet ${tensorText(l.pre.grad)}`);
    for (const w of l.weights) if (w.grad) lines.push(`    dL/d${w.name} ${tensorText(w.grad)}`);
  }
  lines.push("", `one ${r.optimizer.name} step at lr ${r.optimizer.learningRate}: ${r.optimizer.formula}`);
  for (const l of r.layers) {
    for (const w of l.weights) if (w.updated) lines.push(`  ${l.nodeId}.${w.name} ${tensorText(w.updated)}`);
  }
  return lines.join("\n");
}
