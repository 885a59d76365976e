import { describe, expect, it } from "vitest";
import { TrainerRequestSchema } from "../trainer/protocol";
import { EvaluationReportSchema, PredictionResultSchema } from "./report";
import { EvaluateOptionsSchema, RawSampleSchema } from "./request";

const xor = { kind: "inline", x: [[0, 0]], y: [0] };

describe("evaluate and try-it requests", () => {
  it.each([
    {},
    { split: "test" },
    { data: xor },
    { runDir: "/runs/a", checkpoint: "last", mistakes: 0 },
    { runData: { source: { kind: "table", path: "/d/iris.csv" } } },
  ])("accepts evaluate options %j", (o) => {
    expect(EvaluateOptionsSchema.safeParse(o).success).toBe(true);
    expect(TrainerRequestSchema.safeParse({ type: "evaluate", runId: "r", requestId: "q", ...o }).success).toBe(true);
  });

  it.each([
    [{ split: "holdout" }, "split"],
    [{ checkpoint: "first" }, "checkpoint"],
    [{ mistakes: 101 }, "mistakes"],
    [{ runDir: "" }, "runDir"],
    [{ data: { kind: "inline", x: [], y: [] } }, "data"],
  ])("rejects %j, naming %s", (o, field) => {
    const r = EvaluateOptionsSchema.safeParse(o);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].path[0]).toBe(field);
  });

  it("takes raw samples of four kinds; an image needs exactly one of a path or bytes", () => {
    for (const s of [
      { kind: "values", x: [[0, 1]] },
      { kind: "table", row: { age: 3, color: "red", ok: true, missing: null } },
      { kind: "image", path: "/a.png" },
      { kind: "image", base64: "iVBORw0KGgo=" },
      { kind: "text", text: "hello" },
    ])
      expect(RawSampleSchema.safeParse(s).success, JSON.stringify(s)).toBe(true);
    const both = RawSampleSchema.safeParse({ kind: "image", path: "/a.png", base64: "AA==" });
    expect(both.success).toBe(false);
    if (!both.success) expect(both.error.issues[0].message).toContain("exactly one of path");
    expect(RawSampleSchema.safeParse({ kind: "image" }).success).toBe(false);
    expect(RawSampleSchema.safeParse({ kind: "audio", x: 1 }).success).toBe(false);
  });

  it("lets a predict request carry model-shaped x or raw samples, not both or neither", () => {
    const base = { type: "predict", runId: "r", requestId: "q" };
    expect(TrainerRequestSchema.safeParse({ ...base, x: [[0, 1]] }).success).toBe(true);
    expect(
      TrainerRequestSchema.safeParse({ ...base, samples: [{ kind: "text", text: "a" }], runDir: "/r" }).success,
    ).toBe(true);
    expect(TrainerRequestSchema.safeParse({ ...base, x: [[0]], samples: [{ kind: "text", text: "a" }] }).success).toBe(
      false,
    );
    expect(TrainerRequestSchema.safeParse(base).success).toBe(false);
  });
});

describe("report schemas", () => {
  const base = { set: "validation", weights: "best", samples: 2, loss: 0.5, metrics: { mae: 0.4 }, notes: [] };
  const regression = {
    task: "regression",
    ...base,
    outputs: 1,
    features: 1,
    mae: 0.4,
    mse: 0.5,
    rmse: 0.7,
    r2: 0.9,
    adjustedR2: null,
    scatter: { actual: [1, 2], predicted: [1.1, 1.8], residual: [-0.1, 0.2] },
    boundary: null,
  };

  it("accepts a well-formed report and tells tasks apart by `task`", () => {
    expect(EvaluationReportSchema.parse(regression).task).toBe("regression");
    expect(EvaluationReportSchema.safeParse({ task: "other", ...base, reason: "two outputs" }).success).toBe(true);
  });

  it.each<[unknown, string]>([
    [{ ...regression, task: "clustering" }, "an unknown task"],
    [{ ...regression, mse: Number.NaN }, "a NaN score"],
    [{ ...regression, mse: Number.POSITIVE_INFINITY }, "an infinite score"],
    [{ ...regression, samples: -1 }, "a negative count"],
    [{ ...regression, set: "holdout" }, "an unknown set"],
    [{ ...regression, boundary: undefined }, "a missing field"],
  ])("rejects %s (%s)", (report) => {
    expect(EvaluationReportSchema.safeParse(report).success).toBe(false);
  });

  it("types a try-it result", () => {
    const ok = {
      classNames: ["a", "b"],
      predictions: [{ kind: "class", classId: 1, className: "b", confidence: 0.8, probabilities: [0.2, 0.8] }],
      warnings: [[]],
    };
    expect(PredictionResultSchema.safeParse(ok).success).toBe(true);
    expect(PredictionResultSchema.safeParse({ ...ok, predictions: [{ kind: "class", classId: 1 }] }).success).toBe(
      false,
    );
  });
});
