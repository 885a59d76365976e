import {
  argmaxRows,
  classCounts,
  classificationScores,
  confusionMatrix,
  majorityBaseline,
  normalizeRows,
} from "../../../shared/evaluation/classification";
import {
  oneVsRest,
  type PrCurve,
  precisionRecallCurve,
  type RocCurve,
  rocCurve,
} from "../../../shared/evaluation/curves";
import { decimateColumns } from "../../../shared/evaluation/decimate";
import { twoColumns, worstMistakes } from "../../../shared/evaluation/mistakes";
import { EVALUATION_LIMITS, type ReportOf } from "../../../shared/evaluation/report";
import { DEFAULT_MISTAKES, type EvaluateOptions } from "../../../shared/evaluation/request";
import { accuracyKind, decisionThreshold } from "../../../shared/training/config";
import type { Pass } from "./evaluate";
import { decisionBoundary } from "./evaluate-boundary";
import type { EvalSet } from "./evaluate-data";
import type { EvalModel } from "./evaluate-model";

type Base = Pick<ReportOf<"classification">, "set" | "weights" | "samples" | "loss" | "metrics" | "notes">;
const MAX = EVALUATION_LIMITS.curvePoints;

/** Classification and binary reports: confusion, per-class scores, curves, baseline, mistakes. */
export async function classesReport(
  task: "classification" | "binary",
  base: Base,
  pass: Pass,
  set: EvalSet,
  m: EvalModel,
  opts: EvaluateOptions,
): Promise<ReportOf<"classification"> | ReportOf<"binary">> {
  const binary = task === "binary";
  const k = binary ? 2 : (pass.outShape.at(-1) ?? 2);
  const probs = binary ? twoColumns(pass.out) : pass.out;
  const truth = trueClasses(pass, k, binary, m);
  const predicted = argmaxRows(probs, k);
  const counts = confusionMatrix(truth, predicted, k);
  const scores = classificationScores(counts);
  const classNames = Array.from({ length: k }, (_, c) => set.classNames?.[c] ?? String(c));
  const fromTrain = set.trainLabels !== null && set.trainLabels.length > 0;
  const baseline = majorityBaseline(classCounts(fromTrain ? (set.trainLabels as ArrayLike<number>) : truth, k), truth);
  const mistakes = await Promise.all(
    worstMistakes(probs, k, truth, opts.mistakes ?? DEFAULT_MISTAKES).map(async (w) => {
      const index = pass.ids[w.index];
      // A mistake without its input (an image that no longer reads) is still worth listing.
      const input = await set.describe(index).catch(() => undefined);
      return { ...w, index, confidence: round(w.confidence), ...(input ? { input } : {}) };
    }),
  );
  const boundary =
    pass.xy && m.compiled.model.inputs.length === 1
      ? decisionBoundary(m.compiled.model, m.config, pass.xy, truth, "class", axes(set))
      : null;
  const common = {
    ...base,
    classNames,
    accuracy: scores.accuracy,
    baseline: { ...baseline, className: classNames[baseline.classId], from: fromTrain ? "train" : "evaluated" },
    confusion: { counts, normalized: normalizeRows(counts) },
    perClass: scores.perClass,
    macro: scores.macro,
    weighted: scores.weighted,
    mistakes,
    boundary,
  } as const;
  if (binary) {
    const positive = Array.from(truth, (t) => t === 1);
    return {
      task: "binary",
      ...common,
      threshold: 0.5,
      roc: shrinkRoc(rocCurve(positive, pass.out)),
      pr: shrinkPr(precisionRecallCurve(positive, pass.out)),
    };
  }
  const roc: (RocCurve | null)[] = [];
  const pr: (PrCurve | null)[] = [];
  const aucs: number[] = [];
  const aps: number[] = [];
  for (let c = 0; c < k; c++) {
    const { positive, scores } = oneVsRest(probs, k, truth, c);
    const r = rocCurve(positive, scores);
    const p = precisionRecallCurve(positive, scores);
    if (r) aucs.push(r.auc);
    if (p) aps.push(p.averagePrecision);
    const drawn = c < EVALUATION_LIMITS.curveClasses;
    roc.push(drawn ? shrinkRoc(r) : null);
    pr.push(drawn ? shrinkPr(p) : null);
  }
  if (k > EVALUATION_LIMITS.curveClasses)
    base.notes.push(
      `ROC and precision-recall curves are drawn for the first ${EVALUATION_LIMITS.curveClasses} of ${k} classes; the macro AUC and AP use all`,
    );
  return {
    task: "classification",
    ...common,
    roc,
    pr,
    macroAuc: aucs.length > 0 ? mean(aucs) : null,
    macroAveragePrecision: aps.length > 0 ? mean(aps) : null,
  };
}

/** The true class of each row from the targets as training shaped them (ids, one-hot, 0/1 or ±1). */
function trueClasses(pass: Pass, k: number, binary: boolean, m: EvalModel): Int32Array {
  if (binary) {
    const label = decisionThreshold(m.config.loss).label;
    return Int32Array.from(pass.y, (v) => (v > label ? 1 : 0));
  }
  if (accuracyKind(m.config.loss) === "sparse" || pass.ySize === 1) return Int32Array.from(pass.y);
  return argmaxRows(pass.y, k);
}

function axes(set: EvalSet): [string, string] {
  const names = set.featureNames;
  return names && names.length === 2 ? [names[0], names[1]] : ["x[0]", "x[1]"];
}

function shrinkRoc(r: RocCurve | null): RocCurve | null {
  if (!r) return null;
  const { fpr, tpr, thresholds } = decimateColumns({ fpr: r.fpr, tpr: r.tpr, thresholds: r.thresholds }, "tpr", MAX);
  return { fpr, tpr, thresholds, auc: r.auc };
}

function shrinkPr(p: PrCurve | null): PrCurve | null {
  if (!p) return null;
  const cols = decimateColumns(
    { precision: p.precision, recall: p.recall, thresholds: p.thresholds },
    "precision",
    MAX,
  );
  return { ...cols, averagePrecision: p.averagePrecision };
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : 0);
