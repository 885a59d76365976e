import type { TimeSeriesSource } from "../../../shared/datasets/sources/time-series";
import type { SeriesData } from "./read";
import type { SeriesWindows } from "./windows";

type Layout = Pick<TimeSeriesSource, "lookback" | "horizon" | "differencing">;

/**
 * The naive "tomorrow looks like today" forecast a forecaster must beat: every step of the horizon
 * predicts the window's last observed level (with differencing: a change of 0). Its mean squared
 * error is measured on the given part's windows in the scale the model is trained in (the scaled,
 * possibly differenced target), so it compares directly with a run's MSE loss on that part.
 */
export function lastValueBaseline(
  data: SeriesData,
  layout: Layout,
  windows: SeriesWindows,
  part: "validation" | "test" = "validation",
): { mse: number; windows: number } {
  const ids = windows.parts[part];
  if (ids.length === 0) throw new Error(`lastValueBaseline: the ${part} part holds no window; received 0`);
  const { offset, scale } = windows.target;
  const { lookback, horizon } = layout;
  let sum = 0;
  for (const w of ids) {
    // Without differencing the window's last step is target step w + lookback - 1 in raw levels.
    const guess = layout.differencing ? (0 - offset) / scale : (data.targetValues[w + lookback - 1] - offset) / scale;
    for (let h = 0; h < horizon; h++) sum += (windows.y[w * horizon + h] - guess) ** 2;
  }
  return { mse: sum / (ids.length * horizon), windows: ids.length };
}
