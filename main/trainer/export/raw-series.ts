import type { TimeSeriesSource } from "../../../shared/datasets/sources/time-series";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { TrainingConfig } from "../../../shared/training/config";
import { readSeries, windowSeries } from "../../data/series/index";
import { describeSource, firstOfPart, type RawColumn, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

/**
 * Series windows of raw values, as a user cuts them from the CSV: the lookback steps (one more
 * with differencing) of the feature columns, oldest first; with differencing and a target that
 * is not a feature, also the target's last raw value (the file adds the forecast changes to it).
 * NetForge gets the same steps by column name, as Try it takes a window. The windows are the
 * first of the validation part (else training part), cut in time order as dataset.ts cuts them.
 */
export async function rawSeries(
  source: TimeSeriesSource,
  spec: DatasetSpec,
  config: TrainingConfig,
  n: number,
): Promise<RawSamples | null> {
  const data = await readSeries(source);
  const validation = config.validation.type === "none" ? 0 : spec.split.validation;
  const { parts } = windowSeries(data, source, { validation, test: spec.split.test });
  const { picked, part } = firstOfPart(parts, config, n);
  if (picked.length === 0) return null;
  const steps = source.lookback + (source.differencing ? 1 : 0);
  const F = data.features.length;
  const needsTarget = source.differencing && !data.features.includes(data.target);
  const window = new Float32Array(picked.length * steps * F);
  const last = new Float32Array(picked.length);
  const samples = picked.map((w, k) => {
    const rows = Array.from({ length: steps }, (_, t) => {
      const row: Record<string, number> = {};
      data.features.forEach((name, c) => {
        row[name] = data.values[c][w + t];
        window[(k * steps + t) * F + c] = data.values[c][w + t];
      });
      if (needsTarget) row[data.target] = data.targetValues[w + t];
      return row;
    });
    last[k] = data.targetValues[w + steps - 1];
    return rows;
  });
  const columns: RawColumn[] = [{ name: "window", dtype: "float32", shape: [steps, F], data: window }];
  if (needsTarget) columns.push({ name: `${data.target}_last`, dtype: "float32", shape: [1], data: last });
  return {
    source: describeSource(part, "windows", source.path),
    count: picked.length,
    columns,
    samples: samples.map((s) => ({ kind: "series", steps: s })),
    shown: samples.slice(0, SHOWN_SAMPLES).map((s) => ({
      kind: "table",
      columns: Object.keys(s[0]).flatMap((name) => s.map((_, t) => `${name}[${t - steps + 1}]`)),
      values: Object.keys(s[0]).flatMap((name) => s.map((row) => row[name])),
    })),
  };
}
