import type * as tf from "@tensorflow/tfjs";
import { DatasetSpecSchema } from "../../../shared/datasets/spec";
import type { Lesson } from "../../../shared/ir/project";
import { validationFraction } from "../../../shared/training/validation";
import { lastValueBaseline } from "../../data/series/baseline";
import { readSeries, windowSeries } from "../../data/series/index";
import { generatePoints, ringDistance } from "../testing/ring";

type Target = NonNullable<Lesson["target"]>;

/** Named checks a lesson's target may use besides the run's own metrics. */
const CHECKS: Record<string, (model: tf.LayersModel, data: { x?: number[][] }) => number> = {
  // Mean distance of 1,000 generated points to the ring of the template's own data, / its radius.
  ring_distance: (model, data) => {
    const x = data.x ?? [];
    if (x.length === 0) throw new Error("ring_distance needs inline 2-D points as the template's data; received none");
    const radius = x.reduce((s, [a, b]) => s + Math.hypot(a, b), 0) / x.length;
    return ringDistance(generatePoints(model, 1000, 11), radius);
  },
};

/**
 * The value a run reached for its lesson's target: a named check on the trained model, or the
 * metric at the last epoch (what the learner sees when the run ends, and its "last" checkpoint).
 */
export function reachedValue(
  target: Target,
  epochs: readonly Record<string, number | undefined>[],
  model: tf.LayersModel | null,
  data: unknown,
): number {
  const check = CHECKS[target.metric];
  if (check) {
    if (!model) throw new Error(`${target.metric}: the run kept no model`);
    return check(model, data as { x?: number[][] });
  }
  const last = epochs.at(-1);
  if (!last) throw new Error("the run reported no epoch");
  const value = last[target.metric];
  if (typeof value !== "number") {
    throw new Error(
      `the target's metric "${target.metric}" is neither a named check (${Object.keys(CHECKS).join(", ")}) nor a metric of the run; received ${Object.keys(last).join(", ")}`,
    );
  }
  return value;
}

export const meets = (target: Target, value: number) =>
  target.atLeast !== undefined ? value >= target.atLeast : value <= (target.atMost as number);

export const targetText = (t: Target) =>
  `${t.metric} ${t.atLeast !== undefined ? `>= ${t.atLeast}` : `<= ${t.atMost}`}`;

/**
 * For a time-series template: the MSE of the last-value forecast on the run's validation windows,
 * in the scale the model learns, the number its val_loss must beat. Null for other data.
 */
export async function seriesBaseline(data: unknown, training: Record<string, unknown>): Promise<number | null> {
  const spec = DatasetSpecSchema.safeParse(data);
  if (!spec.success || spec.data.source.kind !== "timeSeries") return null;
  const source = spec.data.source;
  const series = await readSeries(source);
  const windows = windowSeries(series, source, {
    validation: validationFraction(training),
    test: spec.data.split.test,
  });
  return lastValueBaseline(series, source, windows).mse;
}
