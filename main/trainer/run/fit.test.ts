import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { runTemplate as run } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";

describe.each(["cpu", "wasm"] as const)("training on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("converges on the regression template (validation MAE well below the spread of y)", async () => {
    const { done, errors, handle } = await run("regression");
    expect(errors).toEqual([]);
    expect(done).toMatchObject({ type: "done", reason: "completed" });
    if (done?.type === "done") expect(done.metrics.val_mae).toBeLessThan(0.3);
    handle.dispose();
  }, 60_000);

  it("is deterministic for a seed: same seed, same loss curve", async () => {
    const curve = async () => {
      const r = await run("regression", { epochs: 5, seed: 123 });
      r.handle.dispose();
      return r.messages.filter((m) => m.type === "epoch").map((m) => (m.type === "epoch" ? m.metrics.loss : null));
    };
    const a = await curve();
    expect(await curve()).toEqual(a);
  }, 60_000);

  it("stops with reason diverged and a clear message when the loss explodes", async () => {
    const { done, handle } = await run("regression", { learningRate: 10, optimizer: { type: "sgd" }, epochs: 50 });
    expect(done).toMatchObject({ reason: "diverged" });
    if (done?.type === "done")
      expect(done.message).toMatch(/learning rate 10\).*Lower the learning rate or enable gradient clipping/);
    handle.dispose();
  }, 60_000);

  it("leaks no tensors across 20 build-train-dispose cycles", async () => {
    const warm = await run("xor", { epochs: 2 });
    warm.handle.dispose();
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const r = await run("xor", { epochs: 2 });
      r.handle.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);
});
