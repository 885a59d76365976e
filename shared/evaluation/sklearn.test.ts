import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { argmaxRows, classificationScores, confusionMatrix, majorityBaseline, normalizeRows } from "./classification";
import { oneVsRest, precisionRecallCurve, rocCurve } from "./curves";
import { regressionScores } from "./regression";

/**
 * scikit-learn as the oracle: random cases (scores rounded to create ties) scored here and by
 * Debian's python3-sklearn in one process. Skipped, with the reason printed, where it is missing.
 */
const PYTHON = process.env.NETFORGE_PYTHON ?? "/usr/bin/python3";

const SCRIPT = `
import json, sys, warnings
import numpy as np
from sklearn import metrics as M
warnings.simplefilter("ignore")
out = []
for c in json.load(sys.stdin):
    r = {}
    if c["kind"] == "classification":
        k = c["k"]
        y, p, P = np.array(c["truth"]), np.array(c["pred"]), np.array(c["probs"]).reshape(-1, k)
        labels = list(range(k))
        r["counts"] = M.confusion_matrix(y, p, labels=labels).tolist()
        r["normalized"] = np.nan_to_num(M.confusion_matrix(y, p, labels=labels, normalize="true")).tolist()
        r["prfs"] = [a.tolist() for a in M.precision_recall_fscore_support(y, p, labels=labels, zero_division=0)]
        for avg in ("macro", "weighted"):
            r[avg] = list(M.precision_recall_fscore_support(y, p, labels=labels, average=avg, zero_division=0)[:3])
        r["accuracy"] = M.accuracy_score(y, p)
        # two classes: sklearn scores the positive column (the one-vs-rest AUCs of both classes are equal)
        r["macroAuc"] = M.roc_auc_score(y, P[:, 1] if k == 2 else P, multi_class="ovr", average="macro", labels=labels)
        r["ovr"] = []
        for j in labels:
            fpr, tpr, th = M.roc_curve(y == j, P[:, j])
            pr, rc, pth = M.precision_recall_curve(y == j, P[:, j])
            r["ovr"].append({"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": th[1:].tolist(),
                             "auc": M.roc_auc_score(y == j, P[:, j]), "precision": pr.tolist(), "recall": rc.tolist(),
                             "prThresholds": pth.tolist(), "ap": M.average_precision_score(y == j, P[:, j])})
        from sklearn.dummy import DummyClassifier
        d = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(c["train"]), 1)), c["train"])
        r["baseline"] = d.score(np.zeros((len(y), 1)), y)
    else:
        y, p, o = np.array(c["actual"]), np.array(c["pred"]), c["outputs"]
        if o > 1:
            y, p = y.reshape(-1, o), p.reshape(-1, o)
        r["mae"] = M.mean_absolute_error(y, p)
        r["mse"] = M.mean_squared_error(y, p)
        r["rmse"] = M.mean_squared_error(y, p, squared=False)
        r["r2"] = M.r2_score(y, p)
    out.append(r)
print(json.dumps(out))
`;

function sklearnMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import sklearn, numpy"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} is not runnable (${r.error.message})`;
  return r.status === 0 ? null : `python3-sklearn is not installed (${r.stderr.trim().split("\n").at(-1)})`;
}

function classificationCase(seed: number, n: number, k: number) {
  const random = mulberry32(seed);
  const truth = Array.from({ length: n }, () => Math.floor(random() * k));
  // Softmax of noisy logits that favour the true class; rounded to 2 decimals so scores tie.
  const probs = truth.flatMap((t) => {
    const logits = Array.from({ length: k }, (_, c) => (c === t ? 1.2 : 0) + 2 * random());
    const e = logits.map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    const rounded = e.map((v) => Math.round((v / sum) * 100) / 100);
    // The last column takes what is left, so each row still sums to 1 (sklearn's ovr AUC checks).
    rounded[k - 1] = Math.round((1 - rounded.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
    return rounded;
  });
  const pred = Array.from(argmaxRows(probs, k));
  const train = Array.from({ length: 3 * n }, () => Math.floor(random() * k));
  return { kind: "classification", truth, pred, probs, k, train };
}

function regressionCase(seed: number, n: number, outputs: number) {
  const random = mulberry32(seed);
  const actual = Array.from({ length: n * outputs }, () => 10 * random() - 5);
  const pred = actual.map((v) => v + (random() - 0.5) * 3);
  return { kind: "regression", actual, pred, outputs };
}

describe("scikit-learn agrees with shared/evaluation", () => {
  const cases = [
    classificationCase(1, 40, 2),
    classificationCase(2, 200, 3),
    classificationCase(3, 500, 5),
    classificationCase(4, 25, 4),
    regressionCase(5, 50, 1),
    regressionCase(6, 80, 3),
  ];

  it("on confusion matrices, per-class scores, ROC/PR curves, AUC, AP, baseline and regression scores", (ctx) => {
    const missing = sklearnMissing();
    if (missing) {
      console.log(`skipping the scikit-learn cross-check: ${missing}`);
      ctx.skip();
    }
    const run = spawnSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify(cases), encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout);
    cases.forEach((c, i) => {
      const want = expected[i];
      if (c.kind === "regression") {
        const r = c as ReturnType<typeof regressionCase>;
        const s = regressionScores(r.actual, r.pred, r.outputs);
        for (const key of ["mae", "mse", "rmse", "r2"] as const) expect(s[key], key).toBeCloseTo(want[key], 10);
        return;
      }
      const k = c as ReturnType<typeof classificationCase>;
      const counts = confusionMatrix(k.truth, k.pred, k.k);
      expect(counts).toEqual(want.counts);
      expectClose(normalizeRows(counts), want.normalized);
      const s = classificationScores(counts);
      expect(s.accuracy).toBeCloseTo(want.accuracy, 12);
      const [p, r, f, support] = want.prfs;
      expectClose(
        s.perClass.map((x) => x.precision),
        p,
      );
      expectClose(
        s.perClass.map((x) => x.recall),
        r,
      );
      expectClose(
        s.perClass.map((x) => x.f1),
        f,
      );
      expect(s.perClass.map((x) => x.support)).toEqual(support);
      expectClose([s.macro.precision, s.macro.recall, s.macro.f1], want.macro);
      expectClose([s.weighted.precision, s.weighted.recall, s.weighted.f1], want.weighted);
      const aucs: number[] = [];
      for (let j = 0; j < k.k; j++) {
        const { positive, scores } = oneVsRest(k.probs, k.k, k.truth, j);
        const roc = rocCurve(positive, scores);
        const pr = precisionRecallCurve(positive, scores);
        const o = want.ovr[j];
        expectClose(roc?.fpr ?? [], o.fpr);
        expectClose(roc?.tpr ?? [], o.tpr);
        expectClose(roc?.thresholds.slice(1) ?? [], o.thresholds);
        expect(roc?.auc).toBeCloseTo(o.auc, 12);
        expectClose(pr?.precision ?? [], o.precision);
        expectClose(pr?.recall ?? [], o.recall);
        expectClose(pr?.thresholds ?? [], o.prThresholds);
        expect(pr?.averagePrecision).toBeCloseTo(o.ap, 12);
        aucs.push(roc?.auc ?? Number.NaN);
      }
      expect(aucs.reduce((a, b) => a + b, 0) / aucs.length).toBeCloseTo(want.macroAuc, 12);
      const counted = new Array(k.k).fill(0);
      for (const t of k.train) counted[t]++;
      expect(majorityBaseline(counted, k.truth).accuracy).toBeCloseTo(want.baseline, 12);
    });
  }, 60_000);
});

function expectClose(actual: readonly (number | readonly number[])[], expected: readonly unknown[]): void {
  expect(actual.length, `length of ${JSON.stringify(actual).slice(0, 80)}`).toBe(expected.length);
  actual.forEach((a, i) => {
    if (Array.isArray(a)) expectClose(a, expected[i] as number[]);
    else expect(a as number).toBeCloseTo(expected[i] as number, 10);
  });
}
