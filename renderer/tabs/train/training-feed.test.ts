import { describe, expect, it } from "vitest";
import type { NetforgeClient } from "../../api/client";
import { createTrainingStore } from "../../state/training-store";
import { connectTrainingFeed } from "./training-feed";

/** A client whose events the test fires by hand (the real transports are tested with the host). */
function fakeEvents() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const client: Pick<NetforgeClient, "on"> = {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const fire = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { client, fire, count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("connectTrainingFeed", () => {
  it("folds a burst of progress events into one store update", async () => {
    const store = createTrainingStore();
    const { client, fire } = fakeEvents();
    let updates = 0;
    store.subscribe(() => updates++);
    const off = connectTrainingFeed(store, client, undefined, { flushMs: 20 });
    for (let b = 1; b <= 50; b++) {
      fire("train.progress", {
        runId: "r",
        epoch: 0,
        batch: b,
        batchesPerEpoch: 50,
        loss: 1 / b,
        samplesPerSecond: 10,
      });
    }
    expect(updates).toBe(0);
    await tick(40);
    expect(updates).toBe(1);
    expect(store.getState().runs.r.curves.batch.y).toHaveLength(50);
    off();
  });

  it("applies a run's end on the next tick and reports what was flushed", async () => {
    const store = createTrainingStore();
    const { client, fire, count } = fakeEvents();
    const flushed: string[][] = [];
    const off = connectTrainingFeed(store, client, (names) => flushed.push([...names]), { flushMs: 10_000 });
    fire("train.progress", { runId: "r", epoch: 0, batch: 1, batchesPerEpoch: 2, loss: 1, samplesPerSecond: 1 });
    fire("train.done", { runId: "r", reason: "stopped", epochs: 0, steps: 1, metrics: {}, runDir: null });
    await tick(5);
    expect(store.getState().runs.r.status).toBe("stopped");
    expect(flushed).toEqual([["train.progress", "train.done"]]);
    expect(count()).toBeGreaterThan(0);
    off();
    expect(count()).toBe(0);
  });
});
