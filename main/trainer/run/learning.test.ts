import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { compileGraph } from "../compile/compile";
import { runTemplate, template } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { lossFunction } from "../train/losses";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";
import { trainStep } from "../train/step";
import { startRun } from "./fit";

/** Training that learns, end to end through startRun, on the starter templates. */
async function run(name: string, training: Record<string, unknown> = {}) {
  const r = await runTemplate(name, training);
  expect(r.errors).toEqual([]);
  return r;
}

describe.each(["cpu", "wasm"] as const)("learning on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(["and", "or"])(
    "the perceptron rule learns %s and stops at the first epoch without a mistake",
    async (gate) => {
      const { done, epochs, handle } = await run(`perceptron-${gate}`);
      expect(done).toMatchObject({ reason: "early-stopped" });
      expect(epochs.at(-1)).toMatchObject({ mistakes: 0, accuracy: 1 });
      const x = [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ];
      const model = handle.model as tf.LayersModel;
      const y = tf.tidy(() => Array.from((model.predict(tf.tensor2d(x)) as tf.Tensor).dataSync()));
      expect(y).toEqual(gate === "and" ? [0, 0, 0, 1] : [0, 1, 1, 1]);
      handle.dispose();
    },
  );

  it("the perceptron rule does not converge on XOR (not linearly separable)", async () => {
    const t = template("perceptron-and");
    const messages: TrainerMessage[] = [];
    const handle = startRun(
      {
        type: "start",
        runId: "xor-p",
        graph: t.graph,
        training: { ...t.training, epochs: 30 },
        data: { ...t.data, y: [0, 1, 1, 0] },
      },
      (m) => messages.push(m),
    );
    await handle.finished;
    expect(messages.find((m) => m.type === "done")).toMatchObject({ reason: "completed" });
    handle.dispose();
  });

  it("the XOR MLP reaches 100% accuracy", async () => {
    const { done, handle } = await run("xor");
    expect(done?.type === "done" && done.metrics.accuracy).toBe(1);
    handle.dispose();
  }, 60_000);

  it("the VAE's loss decreases, and the KL term is part of what the optimizer minimizes", async () => {
    const { epochs, handle } = await run("vae", { epochs: 30 });
    expect(epochs.at(-1)?.loss).toBeLessThan(epochs[0].loss as number);
    handle.dispose();
    const t = template("vae");
    const compiled = compileGraph(t.graph);
    const optimizer = createOptimizer({ type: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 0.01);
    const [x, y] = [tf.tensor2d(t.data.x), tf.tensor2d(t.data.y)];
    const r = trainStep(compiled.model, optimizer, x, y, { loss: lossFunction({ type: "meanSquaredError" }) });
    expect(r.regularizationLoss).toBeGreaterThan(0);
    expect(r.loss).toBeCloseTo(r.dataLoss + r.regularizationLoss + r.extraLoss, 5);
    tf.dispose([x, y]);
    disposeOptimizer(optimizer);
    compiled.model.dispose();
  }, 60_000);

  it("the GAN's losses move and samples are produced each epoch", async () => {
    const { epochs, messages, handle } = await run("gan-ring", { epochs: 15 });
    expect(epochs).toHaveLength(15);
    expect(epochs[0].d_loss).not.toBe(epochs.at(-1)?.d_loss);
    expect(epochs[0].g_loss).not.toBe(epochs.at(-1)?.g_loss);
    const samples = messages.filter((m) => m.type === "samples");
    expect(samples).toHaveLength(15);
    if (samples[0].type === "samples") expect(samples[0].shape).toEqual([64, 2]);
    handle.dispose();
  }, 120_000);
});
