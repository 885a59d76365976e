import type * as tf from "@tensorflow/tfjs";
import { formatShape, type Shape } from "../../../shared/shapes/shape";
import type { Compiled } from "./compile";

/**
 * The verification chain's first link: tfjs must agree with shared inference on every node's
 * output shapes and weights (shape, trainable flag, order), and on the model's parameter count.
 * A mismatch is a bug in a spec or a builder, never the user's fault, so it throws loudly.
 */
export class SpecMismatchError extends Error {
  override name = "SpecMismatchError";
}

export function verifyAgainstSpecs(c: Compiled, tensors: Map<string, tf.SymbolicTensor[]>, built: Set<string>): void {
  const problems: string[] = [];
  let expectedParams = 0;
  for (const id of built) {
    const node = c.analysis.nodes[id];
    const outs = tensors.get(id) ?? [];
    const expected = node.outputShapes ?? [];
    if (outs.length !== expected.length)
      problems.push(`${node.kind} "${id}": ${outs.length} outputs, spec says ${expected.length}`);
    outs.forEach((t, i) => {
      const got = t.shape.slice(1) as Shape;
      if (expected[i] && formatShape(got) !== formatShape(expected[i])) {
        problems.push(`${node.kind} "${id}" output ${i}: tfjs ${formatShape(got)}, spec ${formatShape(expected[i])}`);
      }
    });
    const weights = (c.layersByNode.get(id) ?? []).flatMap((l) => l.weights);
    const specWeights = node.weights;
    const got = weights.map((w) => `${formatShape(w.shape)}${w.trainable ? "" : " frozen"}`).join(" ");
    const want = specWeights.map((w) => `${formatShape(w.shape)}${w.trainable ? "" : " frozen"}`).join(" ");
    if (got !== want) problems.push(`${node.kind} "${id}" weights: tfjs ${got || "(none)"}, spec ${want || "(none)"}`);
    expectedParams += node.paramCount.total;
  }
  const params = c.model.countParams();
  if (params !== expectedParams) problems.push(`model: tfjs countParams() = ${params}, spec total = ${expectedParams}`);
  if (problems.length > 0) throw new SpecMismatchError(`tfjs disagrees with shared inference: ${problems.join("; ")}`);
}
