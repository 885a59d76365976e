import { describe, expect, it } from "vitest";
import { editSetting, withoutFollowing } from "./settings-edit";

/** What the form shows for a project that sets only its seed: the model's defaults. */
const shown = {
  seed: 7,
  loss: { type: "binaryCrossentropy", fromLogits: false },
  metrics: ["accuracy"],
  optimizer: { type: "adam" },
  learningRate: 0.01,
  epochs: 500,
};

describe("editSetting", () => {
  it("writes a plain field into the project's own settings only", () => {
    expect(editSetting({ seed: 7 }, shown, ["epochs"], 50)).toEqual({ seed: 7, epochs: 50 });
  });

  it("keeps the shown rate when the shown optimizer is tuned", () => {
    const next = editSetting({ seed: 7 }, shown, ["optimizer"], { type: "adam", beta1: 0.5 });
    expect(next).toEqual({ seed: 7, optimizer: { type: "adam", beta1: 0.5 }, learningRate: 0.01 });
  });

  it("lets another optimizer bring its own default rate", () => {
    expect(editSetting({ seed: 7 }, shown, ["optimizer"], { type: "sgd" })).toEqual({
      seed: 7,
      optimizer: { type: "sgd" },
    });
  });

  it("starts a nested field from the group the form shows, and never changes its input", () => {
    const own = { seed: 7 };
    const next = editSetting(
      own,
      { ...shown, earlyStopping: { enabled: false, patience: 5 } },
      ["earlyStopping", "enabled"],
      true,
    );
    expect(next.earlyStopping).toEqual({ enabled: true, patience: 5 });
    expect(own).toEqual({ seed: 7 });
  });
});

describe("withoutFollowing", () => {
  it("drops what follows the model and keeps seed, backend, validation and the rest", () => {
    const own = { ...shown, backend: "wasm", validation: { type: "none" }, batchSize: 4 };
    expect(withoutFollowing(own)).toEqual({ seed: 7, backend: "wasm", validation: { type: "none" }, batchSize: 4 });
  });
});
