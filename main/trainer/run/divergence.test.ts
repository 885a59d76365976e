import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TrainerMessageSchema } from "../../../shared/trainer/protocol";
import { TrainerClient } from "../../services/trainer-client";
import { runTemplate, template } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { finiteMessage, nonFiniteLoss } from "./divergence";

const sgd = (learningRate: number) => ({ learningRate, optimizer: { type: "sgd" }, epochs: 50 });

// The bug: with SGD at learning rate 3 or 10 the regression template's validation loss overflows
// to Infinity while every batch loss is still finite. The epoch and done messages carried it, the
// host's schema (finite numbers or null) rejected them, and the host waited for `done` forever.
describe.each(["cpu", "wasm"] as const)("a diverging run on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each([1, 3, 10])(
    "ends as diverged at learning rate %s, with every message valid for the host",
    async (lr) => {
      const { messages, done, handle } = await runTemplate("regression", sgd(lr));
      for (const m of messages) expect(TrainerMessageSchema.safeParse(m).error).toBeUndefined();
      expect(done).toMatchObject({ type: "done", reason: "diverged" });
      if (done?.type === "done") {
        expect(done.epochs).toBeLessThanOrEqual(2);
        expect(done.message).toMatch(
          new RegExp(`became (NaN|-?Infinity) at .*\\(learning rate ${lr}\\).*Lower the learning rate`),
        );
      }
      handle.dispose();
    },
    60_000,
  );
});

describe("finiteMessage", () => {
  it("turns NaN and infinite metrics into null and leaves finite ones alone", () => {
    const metrics = { loss: 2, val_loss: Number.POSITIVE_INFINITY, mae: Number.NaN, val_mae: null };
    const m = finiteMessage({ type: "epoch", runId: "r", epoch: 0, epochs: 1, metrics, durationMs: 1 });
    expect(m).toMatchObject({ metrics: { loss: 2, val_loss: null, mae: null, val_mae: null } });
    expect(TrainerMessageSchema.safeParse(m).success).toBe(true);
  });

  it("nulls a non-finite progress loss", () => {
    const progress = { runId: "r", epoch: 0, batch: 1, batchesPerEpoch: 1, samplesPerSecond: 1 } as const;
    expect(finiteMessage({ type: "progress", ...progress, loss: Number.NaN })).toMatchObject({ loss: null });
  });

  it("finds the first infinite loss of an epoch, not other metrics", () => {
    expect(nonFiniteLoss({ loss: 1, mae: Number.POSITIVE_INFINITY, val_loss: 2 })).toBeNull();
    expect(nonFiniteLoss({ loss: 1, out_loss: Number.NaN, val_loss: null })).toEqual({
      name: "out_loss",
      value: Number.NaN,
    });
  });
});

// The path that hung: a real trainer process, whose messages the host validates on arrival.
describe("a diverging run in the trainer process", () => {
  let client: TrainerClient;
  beforeAll(async () => {
    client = await TrainerClient.start({ backend: "wasm" });
  }, 60_000);
  afterAll(() => client.shutdown());

  it("reaches the host as done with reason diverged (it used to never end)", async () => {
    const t = template("regression");
    const runId = "diverge";
    client.send({ type: "start", runId, graph: t.graph, training: { ...t.training, ...sgd(10) }, data: t.data });
    const end = await client.waitForEnd(runId);
    expect(end).toMatchObject({ type: "done", reason: "diverged", message: expect.stringMatching(/learning rate 10/) });
  }, 60_000);
});
