import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../trainer/testing/tf-setup";
import { trainOn } from "../text/train-on";
import { readSeries, windowSeries } from "./index";

const sine = join(import.meta.dirname, "../__fixtures__/series/sine.csv");

describe("training on a time series", () => {
  beforeAll(() => useBackend("cpu"));

  it("an LSTM forecaster on a sine beats predicting the last value", async () => {
    const source = { kind: "timeSeries", path: sine, lookback: 12, horizon: 1 } as const;
    const r = await trainOn(
      "sine",
      [
        { id: "in", kind: "Input", params: { shape: [12, 1] } },
        { id: "lstm", kind: "LSTM", params: { units: 16 } },
        { id: "out", kind: "Dense", params: { units: 1 } },
      ],
      source,
      { epochs: 6, batchSize: 16, learningRate: 0.02, loss: { type: "meanSquaredError" }, shuffle: true },
    );
    expect(r.errors).toEqual([]);
    // The naive forecast (next = last input) on the same standardized validation windows.
    const w = windowSeries(
      await readSeries(source),
      { ...source, differencing: false, scaling: "standardize" },
      {
        validation: 0.2,
        test: 0,
      },
    );
    let naive = 0;
    for (const i of w.parts.validation) naive += (w.y[i] - w.x[i * 12 + 11]) ** 2;
    naive /= w.parts.validation.length;
    const last = r.epochs.at(-1) as Record<string, number>;
    console.info(
      `sine: val MSE ${last.val_loss.toFixed(5)}, naive ${naive.toFixed(4)}, first-epoch loss ${r.epochs[0].loss.toFixed(3)}`,
    );
    expect(last.val_loss).toBeLessThan(0.05); // the target's variance is ~1 after standardizing
    expect(last.val_loss).toBeLessThan(naive / 5);
  });
});
