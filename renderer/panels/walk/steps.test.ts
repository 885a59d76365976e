import { describe, expect, it } from "vitest";
import { stepToShow, WALK_STEPS, type WalkState } from "./steps";

const first: WalkState = { tab: "design", layers: 0, hasData: false, trainedRuns: 0, training: false, saved: false };
const ids = WALK_STEPS.map((s) => s.id);

describe("getting-started walk", () => {
  it("goes build, data, train, evaluate, export", () => {
    expect(ids).toEqual(["open", "network", "data", "train", "evaluate", "export"]);
  });

  it("passes the steps the user has done, and stops at one that needs Next", () => {
    expect(stepToShow(0, first)).toBe(0);
    const opened = { ...first, layers: 3, hasData: true };
    expect(ids[stepToShow(0, opened)]).toBe("network");
    expect(ids[stepToShow(2, { ...opened, tab: "data" })]).toBe("train");
    expect(ids[stepToShow(3, { ...opened, tab: "train", trainedRuns: 1, training: true })]).toBe("train");
    expect(ids[stepToShow(3, { ...opened, tab: "train", trainedRuns: 1 })]).toBe("evaluate");
  });

  it("clamps a stored step that is out of range or not a number", () => {
    expect(stepToShow(-4, first)).toBe(0);
    expect(stepToShow(99, first)).toBe(WALK_STEPS.length - 1);
    expect(stepToShow(Number.NaN, first)).toBe(0);
    expect(stepToShow(1.5, first)).toBe(0);
  });

  it("points at the tab's button until the user is on the tab, then at the tab's control", () => {
    const train = WALK_STEPS[ids.indexOf("train")];
    expect(train.target({ ...first, tab: "design" })).toBe("#tab-button-train");
    expect(train.target({ ...first, tab: "train" })).toBe("#tab-train .tab-frame-actions");
  });
});
