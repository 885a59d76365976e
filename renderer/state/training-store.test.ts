import { describe, expect, it } from "vitest";
import { applyTrainingEvents, type TrainingEvent } from "./training-events";
import {
  createTrainingStore,
  MAX_BATCH_POINTS,
  type RunSummary,
  selectRun,
  setRunHistory,
  setRunList,
  toggleOverlay,
} from "./training-store";

const started = (runId: string): TrainingEvent => ({
  name: "train.started",
  payload: {
    runId,
    name: "XOR",
    projectPath: "/p/xor.netforge.json",
    draft: null,
    runDir: `/p/xor.runs/${runId}`,
    backend: "wasm",
    epochs: 10,
  },
});
const progress = (runId: string, epoch: number, batch: number, loss: number | null): TrainingEvent => ({
  name: "train.progress",
  payload: { runId, epoch, batch, batchesPerEpoch: 4, loss, samplesPerSecond: 100 },
});
const epoch = (runId: string, e: number, metrics: Record<string, number | null>): TrainingEvent => ({
  name: "train.epoch",
  payload: { runId, epoch: e, epochs: 10, metrics, durationMs: 5 },
});

const summary = (runId: string, fields: Partial<RunSummary> = {}): RunSummary => ({
  runId,
  name: "XOR",
  status: "completed",
  started: "2026-01-01T00:00:00.000Z",
  epochs: 3,
  epochsPlanned: 3,
  best: null,
  last: null,
  runDir: `/p/xor.runs/${runId}`,
  message: null,
  hasModel: true,
  parts: ["validation", "train"],
  checkpoints: ["best", "last"],
  ...fields,
});

describe("training store: live events", () => {
  it("starts a run, makes it current and appends batch and epoch points", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("r1"), progress("r1", 0, 1, 0.9), progress("r1", 0, 2, 0.8)], 1000);
    applyTrainingEvents(store, [epoch("r1", 0, { loss: 0.7, val_loss: 0.75, accuracy: 0.5 })], 1100);
    const s = store.getState();
    const r = s.runs.r1;
    expect(s.current).toBe("r1");
    expect(s.backend).toBe("wasm");
    expect(r.curves.batch).toEqual({ x: [0.25, 0.5], y: [0.9, 0.8] });
    expect(r.curves.epoch.val_loss).toEqual({ x: [1], y: [0.75] });
    expect(r.epochsDone).toBe(1);
    expect(r.epochsPlanned).toBe(10);
    expect(r.best).toEqual({ metric: "val_loss", value: 0.75, epoch: 1, mode: "min" });
  });

  it("knows the planned epochs from the start, before the first epoch ends", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("r1"), progress("r1", 0, 1, 0.9)], 1000);
    expect(store.getState().runs.r1.epochsPlanned).toBe(10);
  });

  it("stops the run's clock while it is paused and adds the pause up when it resumes", () => {
    const store = createTrainingStore();
    const status = (s: "paused" | "running"): TrainingEvent => ({
      name: "train.status",
      payload: { runId: "r1", status: s },
    });
    applyTrainingEvents(store, [started("r1")], 1000);
    applyTrainingEvents(store, [status("paused")], 5000);
    expect(store.getState().runs.r1).toMatchObject({ status: "paused", pausedAtMs: 5000, pausedMs: 0 });
    applyTrainingEvents(store, [status("paused")], 6000);
    applyTrainingEvents(store, [status("running")], 9000);
    expect(store.getState().runs.r1).toMatchObject({ status: "running", pausedAtMs: null, pausedMs: 4000 });
  });

  it("changes the run object and its revision on every flush, but keeps the same arrays", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("r1"), progress("r1", 0, 1, 1)], 0);
    const before = store.getState().runs.r1;
    applyTrainingEvents(store, [progress("r1", 0, 2, 0.5), progress("r1", 0, 3, 0.4)], 10);
    const after = store.getState().runs.r1;
    expect(after).not.toBe(before);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.curves.batch).toBe(before.curves.batch);
    expect(after.curves.batch.y).toEqual([1, 0.5, 0.4]);
  });

  it("tracks the best epoch in the metric's direction", () => {
    const store = createTrainingStore();
    applyTrainingEvents(
      store,
      [started("r1"), epoch("r1", 0, { loss: 0.5 }), epoch("r1", 1, { loss: 0.3 }), epoch("r1", 2, { loss: 0.4 })],
      0,
    );
    expect(store.getState().runs.r1.best).toEqual({ metric: "loss", value: 0.3, epoch: 2, mode: "min" });
  });

  it("ends runs as done, diverged or failed with the reason kept", () => {
    const store = createTrainingStore();
    applyTrainingEvents(
      store,
      [
        started("a"),
        {
          name: "train.done",
          payload: {
            runId: "a",
            reason: "diverged",
            epochs: 2,
            steps: 8,
            metrics: {},
            message: "the loss became NaN; lower the learning rate",
            runDir: null,
          },
        },
        started("b"),
        { name: "train.error", payload: { runId: "b", code: "E_TRAINER_EXITED", message: "the trainer exited" } },
      ],
      0,
    );
    const { runs, order, current } = store.getState();
    expect(runs.a).toMatchObject({ status: "diverged", message: "the loss became NaN; lower the learning rate" });
    expect(runs.b).toMatchObject({ status: "failed", errorCode: "E_TRAINER_EXITED" });
    expect(order).toEqual(["b", "a"]);
    expect(current).toBe("b");
  });

  it("records trainer-level problems and clears them when a run starts", () => {
    const store = createTrainingStore();
    applyTrainingEvents(
      store,
      [{ name: "trainer.exited", payload: { message: "the trainer exited (signal SIGKILL)" } }],
      0,
    );
    expect(store.getState()).toMatchObject({ backend: null, trainerMessage: "the trainer exited (signal SIGKILL)" });
    applyTrainingEvents(store, [started("r2")], 1);
    expect(store.getState().trainerMessage).toBeNull();
  });

  it("creates a run it never saw start (the window opened mid-run)", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [progress("late", 3, 2, 0.1)], 0);
    expect(store.getState().runs.late).toMatchObject({ status: "running", epoch: 3, batch: 2 });
    expect(store.getState().current).toBe("late");
  });

  it("thins a very long batch history in place, keeping the newest point", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("r")], 0);
    const events: TrainingEvent[] = [];
    for (let i = 1; i <= MAX_BATCH_POINTS + 1; i++) {
      events.push({
        name: "train.progress",
        payload: { runId: "r", epoch: 0, batch: i, batchesPerEpoch: 1_000_000, loss: i, samplesPerSecond: 1 },
      });
    }
    applyTrainingEvents(store, events, 0);
    const b = store.getState().runs.r.curves.batch;
    expect(b.x.length).toBeLessThanOrEqual(MAX_BATCH_POINTS / 2 + 1);
    expect(b.y.at(-1)).toBe(MAX_BATCH_POINTS + 1);
    expect(b.y[0]).toBe(1);
  });

  it("keeps generated samples per epoch, thinned once there are many", () => {
    const store = createTrainingStore();
    const events: TrainingEvent[] = [started("g")];
    for (let e = 0; e < 30; e++) {
      events.push({
        name: "train.samples",
        payload: { runId: "g", epoch: e, shape: [1, 2, 2, 1], values: [e, e, e, e] },
      });
    }
    applyTrainingEvents(store, events, 0);
    const frames = store.getState().runs.g.samples;
    expect(frames.length).toBeLessThanOrEqual(24);
    expect(frames[0].epoch).toBe(0);
    expect(frames.at(-1)?.epoch).toBe(29);
    expect(frames.map((f) => f.epoch)).toEqual([...frames.map((f) => f.epoch)].sort((a, b) => a - b));
  });

  it("keeps the newest live boundary of each run, not every one", () => {
    const store = createTrainingStore();
    const boundary = (runId: string, epoch: number): TrainingEvent => ({
      name: "train.boundary",
      payload: {
        runId,
        boundary: {
          axes: ["x1", "x2"],
          x: { min: 0, max: 1 },
          y: { min: 0, max: 1 },
          resolution: 2,
          kind: "class",
          values: [0, 1, 1, epoch % 2],
          points: { x: [0], y: [1], target: [1] },
          epoch,
          validation: null,
          line: null,
          classNames: ["no", "yes"],
        },
      },
    });
    applyTrainingEvents(store, [started("a"), boundary("a", 1), boundary("a", 7)], 0);
    expect(store.getState().runs.a.boundary?.epoch).toBe(7);
    applyTrainingEvents(store, [started("b")], 0);
    expect(store.getState().runs.b.boundary).toBeNull();
    expect(store.getState().runs.a.boundary?.values).toEqual([0, 1, 1, 1]);
  });

  it("never draws a line backwards when a batch repeats", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("r"), progress("r", 0, 2, 1), progress("r", 0, 1, 2)], 0);
    expect(store.getState().runs.r.curves.batch).toEqual({ x: [0.25], y: [2] });
  });
});

describe("training store: listed runs", () => {
  it("lists runs, keeps received curves, and keeps a live run the listing missed", () => {
    const store = createTrainingStore();
    applyTrainingEvents(store, [started("live"), progress("live", 0, 1, 1)], 0);
    setRunList(store, [summary("old", { best: { metric: "loss", value: 0.1, epoch: 3, mode: "min" } })]);
    const s = store.getState();
    expect(s.order).toEqual(["live", "old"]);
    expect(s.runs.live.curves.batch.y).toEqual([1]);
    expect(s.runs.old).toMatchObject({ status: "completed", historyLoaded: false, best: { value: 0.1 } });
    expect(s.current).toBe("live");
  });

  it("loads a saved history into epoch curves", () => {
    const store = createTrainingStore();
    setRunList(store, [summary("old")]);
    setRunHistory(store, "old", [
      { epoch: 1, loss: 0.9, accuracy: 0.5 },
      { epoch: 2, loss: 0.4, accuracy: 0.75 },
    ]);
    const r = store.getState().runs.old;
    expect(r.historyLoaded).toBe(true);
    expect(r.curves.epoch.loss).toEqual({ x: [1, 2], y: [0.9, 0.4] });
    expect(r.curves.epoch.accuracy.y).toEqual([0.5, 0.75]);
  });

  it("selects runs and overlays others, never the current one", () => {
    const store = createTrainingStore();
    setRunList(store, [summary("a"), summary("b"), summary("c")]);
    selectRun(store, "b");
    toggleOverlay(store, "a", true);
    toggleOverlay(store, "b", true);
    toggleOverlay(store, "nope", true);
    expect(store.getState()).toMatchObject({ current: "b", overlay: ["a"] });
    selectRun(store, "a");
    expect(store.getState()).toMatchObject({ current: "a", overlay: [] });
  });
});
