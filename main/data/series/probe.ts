import { type TimeSeriesSourceInput, TimeSeriesSourceSchema } from "../../../shared/datasets/sources/time-series";
import type { ColumnSummary, DatasetSummary, DataWarning } from "../../../shared/datasets/summary";
import { isDataError } from "../errors";
import { PROBE_BYTES } from "../table/probe";
import { readSeries } from "./read";
import { windowSeries } from "./windows";

/** Fewer training windows than this and a forecaster will mostly memorise. */
export const FEW_WINDOWS = 20;

/**
 * A quick summary of a series from the file's head (1 MiB): rows are time steps; a sample is a
 * window, inputShape [lookback, features], outputShape [horizon]. A series too short for one
 * window is reported as a warning with the loader's error code (E_SERIES_SHORT), so the preview
 * still shows the columns; missing or non-numeric steps throw as the loader does.
 */
export async function probeSeries(input: TimeSeriesSourceInput, maxBytes = PROBE_BYTES): Promise<DatasetSummary> {
  const s = TimeSeriesSourceSchema.parse(input);
  const d = await readSeries(s, maxBytes);
  const warnings: DataWarning[] = [...d.warnings];
  try {
    const w = windowSeries(d, s, { validation: 0, test: 0 });
    if (!d.truncated && w.xShape[0] < FEW_WINDOWS) {
      warnings.push({
        code: "W_SERIES_FEW_WINDOWS",
        message: `${d.steps} steps make only ${w.xShape[0]} window(s) of lookback ${s.lookback} + horizon ${s.horizon}, before any validation split; a forecaster needs many more`,
        where: s.path,
      });
    }
  } catch (error) {
    if (!isDataError(error, "E_SERIES_SHORT")) throw error;
    warnings.push({ code: error.code, message: error.message.replace(/^E_SERIES_SHORT: /, ""), where: s.path });
  }
  const columns: ColumnSummary[] = d.names.map((name, c) => {
    const f = d.features.indexOf(name);
    const v = f >= 0 ? d.values[f] : name === d.target ? d.targetValues : null;
    const stats = v
      ? {
          min: v.reduce((a, b) => Math.min(a, b)),
          max: v.reduce((a, b) => Math.max(a, b)),
          mean: v.reduce((a, b) => a + b) / v.length,
        }
      : {};
    return {
      name,
      type: d.numeric[c] ? "numeric" : "text",
      // The target is "label" even when it is also read as a feature (its own past is an input).
      role: name === d.target ? "label" : f >= 0 ? "feature" : "ignore",
      missing: 0,
      ...stats,
      examples: d.head.map((r) => r[c]).slice(0, 5),
    };
  });
  return {
    kind: "timeSeries",
    path: s.path,
    rows: d.truncated && d.bytes > 0 ? Math.round((d.steps * d.fileSize) / d.bytes) : d.steps,
    estimated: d.truncated,
    columns,
    classes: [],
    inputShape: [s.lookback, d.features.length],
    outputShape: [s.horizon],
    task: "regression",
    preview: d.head,
    warnings,
  };
}
