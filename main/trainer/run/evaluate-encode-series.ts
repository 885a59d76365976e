import type { RawSample } from "../../../shared/evaluation/request";
import { type ColumnScale, encodeWindow, forecastInUnits } from "../../data/series/index";
import { parseNumber } from "../../data/table/cells";
import { type EncodeContext, type Encoded, need } from "./evaluate-encode-context";
import { EvaluationError } from "./evaluate-model";

/** What a time-series run saved in preprocessing.json (main/trainer/run/dataset.ts fromSeries). */
export interface SeriesPreprocessing {
  kind: "timeSeries";
  lookback: number;
  horizon: number;
  differencing: boolean;
  scaling: "none" | "standardize" | "minmax";
  fittedSteps: number;
  features: ColumnScale[];
  target: ColumnScale;
}

type Step = Extract<RawSample, { kind: "series" }>["steps"][number];

const refuse = (message: string) => new EvaluationError("E_PREDICT_INPUT", message);

/**
 * A window of raw steps through the run's saved differencing and scaling (the last lookback
 * steps, one more with differencing), answered in the target's units: the model's scaled
 * forecast undone, and with differencing summed onto the window's last raw target value.
 */
export function encodeSeries(steps: Step[], ctx: EncodeContext): Encoded {
  const pre = need(ctx, "timeSeries", "a series window") as unknown as SeriesPreprocessing;
  const { lookback, horizon, differencing, features, target } = pre;
  const names = features.map((f) => f.name);
  const want = lookback + (differencing ? 1 : 0);
  if (steps.length < want)
    throw refuse(
      `expected at least ${want} steps (lookback ${lookback}${differencing ? " + 1 for differencing" : ""}) of ${names.map((n) => JSON.stringify(n)).join(", ")}; received ${steps.length}`,
    );
  const used = steps.slice(steps.length - want);
  const first = steps.length - want + 1;
  // The target's raw values undo differencing; without it the forecast needs only the scale.
  const targetAt = names.indexOf(target.name);
  const needTarget = differencing && targetAt < 0;
  const columns = names.map(() => new Float64Array(want));
  let lastTarget = Number.NaN;
  used.forEach((step, t) => {
    const where = `step ${first + t}`;
    if (Array.isArray(step)) {
      if (step.length !== names.length || needTarget)
        throw refuse(
          needTarget
            ? `${where}: this run differenced its target "${target.name}", which is not a feature: give steps by column name with ${[...names, target.name].map((n) => JSON.stringify(n)).join(", ")}`
            : `${where}: expected ${names.length} number(s) (${names.join(", ")}); received ${step.length}`,
        );
      step.forEach((v, c) => {
        columns[c][t] = v;
      });
      return;
    }
    const missing = [...names, ...(needTarget ? [target.name] : [])].filter((n) => step[n] === undefined);
    if (missing.length > 0)
      throw refuse(
        `${where}: expected the column(s) ${missing.map((n) => JSON.stringify(n)).join(", ")}; received ${Object.keys(
          step,
        )
          .map((n) => JSON.stringify(n))
          .join(", ")}`,
      );
    names.forEach((n, c) => {
      columns[c][t] = numberIn(step[n], `${where}, column "${n}"`);
    });
    if (needTarget && t === want - 1) lastTarget = numberIn(step[target.name], `${where}, column "${target.name}"`);
  });
  if (differencing && targetAt >= 0) lastTarget = columns[targetAt][want - 1];
  const nonFinite = columns.findIndex((col) => col.some((v) => !Number.isFinite(v)));
  if (nonFinite >= 0) throw refuse(`column "${names[nonFinite]}": expected finite numbers in every step`);
  const last = differencing ? lastTarget : null;
  return {
    values: encodeWindow(columns, features, differencing),
    shape: [lookback, names.length],
    warnings: [],
    answer: {
      names: Array.from({ length: horizon }, (_, h) => `${target.name} t+${h + 1}`),
      decode: (y) => forecastInUnits(y, target, last),
    },
  };
}

/** A step's cell as the series reader reads it: a number, or text that is one. */
function numberIn(v: number | string, where: string): number {
  const n = typeof v === "number" ? v : parseNumber(v);
  if (!Number.isFinite(n)) throw refuse(`${where}: expected a number; received ${JSON.stringify(v)}`);
  return n;
}
