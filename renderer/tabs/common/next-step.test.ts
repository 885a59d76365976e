import { describe, expect, it } from "vitest";
import { evaluateNextStep, exportNextStep, type ProjectProgress, trainNextStep } from "./next-step";

const at = (p: Partial<ProjectProgress>): ProjectProgress => ({
  layers: 3,
  hasData: true,
  trainedRuns: 0,
  saved: true,
  ...p,
});

describe("tabs' next step", () => {
  it("Train: an empty design first, then missing data; nothing once both are there", () => {
    expect(trainNextStep(at({ layers: 0, hasData: false }))?.actions).toEqual(["templates", "design"]);
    expect(trainNextStep(at({ hasData: false }))).toMatchObject({ title: "No data to train on", actions: ["data"] });
    expect(trainNextStep(at({}))).toBeNull();
  });

  it("Evaluate: sends to Train until a run has a model", () => {
    expect(evaluateNextStep(at({ layers: 0 }))?.actions).toEqual(["templates", "design"]);
    expect(evaluateNextStep(at({}))).toMatchObject({ title: "Nothing to evaluate yet", actions: ["train"] });
    expect(evaluateNextStep(at({ trainedRuns: 1 }))).toBeNull();
  });

  it("Export: asks to save an unsaved project before training, since runs are kept beside the file", () => {
    expect(exportNextStep(at({ saved: false }))).toMatchObject({
      title: "Save, then train",
      actions: ["save", "train"],
    });
    expect(exportNextStep(at({}))).toMatchObject({ title: "No trained run yet", actions: ["train"] });
    expect(exportNextStep(at({ layers: 0, saved: false }))?.title).toBe("Nothing to export yet");
    expect(exportNextStep(at({ trainedRuns: 2, saved: false }))).toBeNull();
  });
});
