import * as tf from "@tensorflow/tfjs";
import { compileGraph } from "../compile";

/**
 * Test helper (no vitest import): compiles a graph, takes one SGD step on random data and reports
 * the loss and the trainable weights that did not move at all. A weight that never moves has no
 * gradient path (a missing kernel gradient, a comparison op, a detached state).
 */
export async function oneStep(graph: unknown, batch = 4, unknownDim = 5): Promise<{ loss: number; frozen: string[] }> {
  const { model } = compileGraph(graph);
  const optimizer = tf.train.sgd(0.1);
  model.compile({ optimizer, loss: "meanSquaredError" });
  const sample = (shape: (number | null)[]) => tf.randomNormal([batch, ...shape.slice(1).map((d) => d ?? unknownDim)]);
  const xs = model.inputs.map((t) => sample(t.shape));
  const ys = model.outputs.map((t) => sample(t.shape));
  const before = model.trainableWeights.map((w) => w.read().dataSync().slice());
  const loss = (await model.trainOnBatch(xs, ys)) as number;
  const frozen = model.trainableWeights
    .filter((w, i) => {
      const after = w.read().dataSync();
      return after.every((v, k) => v === before[i][k]);
    })
    .map((w) => w.name);
  tf.dispose([...xs, ...ys]);
  optimizer.dispose();
  model.dispose();
  return { loss, frozen };
}
