import { describe, expect, it } from "vitest";
import { validationFraction, validationWarning } from "./validation";

describe("validationFraction", () => {
  it("reads the one validation setting: off, a fraction, or the default 0.2", () => {
    expect(validationFraction({ validation: { type: "none" } })).toBe(0);
    expect(validationFraction({ validation: { type: "split", fraction: 0.3 } })).toBe(0.3);
    expect(validationFraction({})).toBe(0.2);
    expect(validationFraction({ validation: { type: "split" } })).toBe(0.2);
  });
});

describe("validationWarning", () => {
  it("is silent when validation is off or every class is held out", () => {
    expect(validationWarning(0, 4, 0, [0, 0], ["a", "b"])).toBeNull();
    expect(validationWarning(0.5, 4, 2, [1, 1], ["a", "b"])).toBeNull();
    expect(validationWarning(0.2, 100, 20, null, [])).toBeNull();
  });

  it("names zero samples, and what was expected", () => {
    const w = validationWarning(0.2, 4, 0, [0, 0], ["a", "b"]);
    expect(w?.code).toBe("W_VALIDATION_EMPTY");
    expect(w?.message).toMatch(
      /^validation 0\.2 of 4 samples holds out 0 samples.*expected at least 1 sample per class/,
    );
    // Regression data: no classes to name.
    expect(validationWarning(0.1, 5, 0, null, [])?.message).toMatch(/expected at least 1 sample\./);
  });

  it("names the classes the held-out part lacks", () => {
    const w = validationWarning(0.25, 4, 1, [1, 0, 0], ["cat", "dog", "fox"]);
    expect(w?.code).toBe("W_VALIDATION_CLASSES");
    expect(w?.message).toMatch(
      /holds out 1 sample with none of class "dog", "fox"; expected at least 1 sample per class \(3 classes\)/,
    );
  });
});
