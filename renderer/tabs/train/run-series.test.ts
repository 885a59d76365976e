import { describe, expect, it } from "vitest";
import { applyTrainingEvents } from "../../state/training-events";
import { createTrainingStore, type RunView } from "../../state/training-store";
import { metricNames, metricSeries, runLabel } from "./run-series";

function liveRun(runId: string): RunView {
  const store = createTrainingStore();
  applyTrainingEvents(
    store,
    [
      {
        name: "train.started",
        payload: { runId, name: "n", projectPath: null, draft: null, runDir: null, backend: "cpu", epochs: 2 },
      },
      {
        name: "train.progress",
        payload: { runId, epoch: 0, batch: 1, batchesPerEpoch: 2, loss: 1, samplesPerSecond: 1 },
      },
      {
        name: "train.epoch",
        payload: {
          runId,
          epoch: 0,
          epochs: 5,
          metrics: { loss: 0.9, val_loss: 1, accuracy: 0.5, val_accuracy: 0.4 },
          durationMs: 1,
        },
      },
    ],
    0,
  );
  return store.getState().runs[runId];
}

describe("metricNames", () => {
  it("lists loss first and folds validation metrics into their training name", () => {
    expect(metricNames([liveRun("a")])).toEqual(["loss", "accuracy"]);
    expect(metricNames([])).toEqual([]);
  });
});

describe("metricSeries", () => {
  it("draws the current run's train, validation and per-batch loss", () => {
    const s = metricSeries("loss", liveRun("a"), [], true);
    expect(s.map((x) => [x.label, Boolean(x.dashed), Boolean(x.faint)])).toEqual([
      ["train (per batch)", false, true],
      ["train", false, false],
      ["validation", true, false],
    ]);
    expect(metricSeries("accuracy", liveRun("a"), [], true).map((x) => x.label)).toEqual(["train", "validation"]);
  });

  it("adds overlaid runs in their own colour", () => {
    const s = metricSeries(
      "loss",
      liveRun("2026-01-02T10-11-12-abcdef"),
      [liveRun("2026-01-01T09-08-07-123456")],
      false,
    );
    expect(s.map((x) => x.label)).toEqual(["train", "validation", "09:08:07 1234 train", "09:08:07 1234 val"]);
    expect(s[2].color).not.toBe(s[0].color);
    expect(s[2].color).toBe(s[3].color);
  });

  it("names runs by their start time", () => {
    expect(runLabel({ runId: "2026-03-04T05-06-07-a1b2c3" })).toBe("05:06:07 a1b2");
    expect(runLabel({ runId: "custom" })).toBe("custom");
  });
});
