import type { DatasetSpec } from "../../shared/datasets/spec";
import { stratifiedCounts } from "../../shared/datasets/split-indices";
import type { DatasetSummary } from "../../shared/datasets/summary";
import { probeIdx } from "./idx/probe";
import { probeImageFolder } from "./image-folder/probe";
import { probeNpy } from "./npy/probe";
import { probeSeries } from "./series/probe";
import { probeTable } from "./table/probe";
import { probeSentencePairs, probeText } from "./text/probe";

/**
 * A quick summary of any data source, without the trainer (no TensorFlow.js in the host), with
 * the class balance of each part of the spec's split when the split is stratified.
 */
export async function probeSource(spec: DatasetSpec): Promise<DatasetSummary> {
  const summary = await probeOnly(spec);
  if (!spec.split.stratify || summary.classes.length === 0 || summary.estimated) return summary;
  return {
    ...summary,
    splits: stratifiedCounts(
      summary.classes.map((c) => c.count),
      spec.split,
    ),
  };
}

async function probeOnly(spec: DatasetSpec): Promise<DatasetSummary> {
  const s = spec.source;
  switch (s.kind) {
    case "table":
      return probeTable(s);
    case "imageFolder":
      return probeImageFolder(s);
    case "idx":
      return probeIdx(s);
    case "npy":
      return probeNpy(s);
    case "text":
      return probeText(s);
    case "sentencePairs":
      return probeSentencePairs(s);
    case "timeSeries":
      return probeSeries(s);
    case "inline": {
      const scalar = s.y.every((v) => typeof v === "number");
      const classes = new Map<number, number>();
      if (scalar) for (const v of s.y as number[]) classes.set(v, (classes.get(v) ?? 0) + 1);
      const integral = scalar && [...classes.keys()].every((k) => Number.isInteger(k) && k >= 0);
      return {
        kind: "inline",
        path: "(inline)",
        rows: s.x.length,
        estimated: false,
        columns: [],
        classes: integral
          ? [...classes.entries()]
              .sort((a, b) => a[0] - b[0])
              .map(([k, count]) => ({ name: s.classNames?.[k] ?? String(k), count }))
          : [],
        inputShape: shapeOf(s.x[0]),
        outputShape: scalar ? [integral ? classes.size : 1] : shapeOf(s.y[0]),
        task: integral ? "classification" : "regression",
        preview: s.x.slice(0, 5).map((row, i) => [JSON.stringify(row), JSON.stringify(s.y[i])]),
        warnings: [],
      };
    }
  }
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
