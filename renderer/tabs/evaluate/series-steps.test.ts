import { describe, expect, it } from "vitest";
import { parseSteps } from "./series-steps";

describe("pasted series steps (Try it on a time-series run)", () => {
  it("reads rows under a header row by column name, as the trainer's series encoder takes them", () => {
    expect(parseSteps("date,value\n2021-01-01,6.55\n\n2021-01-02, 7.60\n")).toEqual([
      { date: "2021-01-01", value: "6.55" },
      { date: "2021-01-02", value: "7.60" },
    ]);
  });

  it("reads lines of numbers in the run's feature order", () => {
    expect(parseSteps("1, 2\n3;4\n5\t6")).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it("says what it expected when a line is not numbers, or nothing follows the header", () => {
    expect(() => parseSteps("1,2\nx,3")).toThrow('step 2: expected numbers separated by commas; received "x,3"');
    expect(() => parseSteps("date,value")).toThrow("the header row names the columns; paste the steps below it");
    expect(() => parseSteps("  \n")).toThrow("paste the recent steps");
  });
});
