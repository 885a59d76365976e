import type { InlineDataset } from "../../shared/datasets/inline";
import { lastFractionCounts } from "../../shared/datasets/split-indices";
import type { DatasetSummary } from "../../shared/datasets/summary";

/**
 * Inline samples: how the targets are written decides the task. Whole numbers >= 0 are class ids,
 * rows of 0/1 with a single 1 are one-hot classes, anything else is regression values. The split is
 * the one the trainer makes of inline samples (the last fraction, in order), so the class balance
 * shown is the real one.
 */
export function probeInline(s: InlineDataset, validation: number): DatasetSummary {
  const labels = labelsOf(s.y, s.classNames?.length ?? 0);
  const base = {
    kind: "inline",
    path: "(inline)",
    rows: s.x.length,
    estimated: false,
    columns: [],
    inputShape: shapeOf(s.x[0]),
    preview: s.x.slice(0, 5).map((row, i) => [JSON.stringify(row), JSON.stringify(s.y[i])]),
    warnings: [],
  };
  if (labels.kind === "values") {
    const scalar = s.y.every((v) => typeof v === "number");
    return { ...base, classes: [], outputShape: scalar ? [1] : shapeOf(s.y[0]), task: "regression", labels: "values" };
  }
  const counts = new Array<number>(labels.classes).fill(0);
  for (const id of labels.ids) counts[id]++;
  // Own validation samples replace the split: the training rows are all of x.
  const splits = s.validation ? undefined : lastFractionCounts(labels.ids, labels.classes, validation);
  return {
    ...base,
    classes: counts.map((count, k) => ({ name: s.classNames?.[k] ?? String(k), count })),
    outputShape: [labels.classes],
    task: "classification",
    labels: labels.kind,
    ...(splits ? { splits } : {}),
  };
}

type Labels = { kind: "classIds" | "oneHot"; ids: number[]; classes: number } | { kind: "values" };

function labelsOf(y: InlineDataset["y"], named: number): Labels {
  if (y.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0)) {
    const ids = y as number[];
    // Ids index the output units: a class without samples still takes one (and its name, if given).
    return { kind: "classIds", ids, classes: Math.max(named, ...ids.map((id) => id + 1)) };
  }
  const width = Array.isArray(y[0]) ? y[0].length : 0;
  const oneHot =
    width >= 2 &&
    y.every(
      (v) =>
        Array.isArray(v) &&
        v.length === width &&
        v.every((e) => e === 0 || e === 1) &&
        v.filter((e) => e === 1).length === 1,
    );
  if (oneHot) return { kind: "oneHot", ids: y.map((v) => (v as number[]).indexOf(1)), classes: width };
  return { kind: "values" };
}

function shapeOf(v: unknown): number[] {
  const shape: number[] = [];
  let cur = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}
