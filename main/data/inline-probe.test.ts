import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetSpecSchema } from "../../shared/datasets/spec";
import { probeSource } from "./probe";

/** The XOR template's samples: [0,0] [0,1] [1,0] [1,1] labelled 0 1 1 0, class names "0" and "1". */
const XOR = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../resources/templates/xor.netforge.json"), "utf8"),
).data;
const probe = (source: unknown, validation: number) =>
  probeSource(DatasetSpecSchema.parse({ source, split: { validation } }));

describe("probing inline samples", () => {
  it("reports class ids as a label format and the trainer's last-fraction split", async () => {
    const s = await probe(XOR, 0.5);
    expect(s).toMatchObject({ task: "classification", labels: "classIds", outputShape: [2] });
    // The trainer holds out the last floor(4 * 0.5) = 2 rows: labels 1 and 0.
    expect(s.splits).toEqual({ train: [1, 1], validation: [1, 1], test: [0, 0] });
    expect(s.warnings).toEqual([]);
  });

  it("warns when the fraction holds out no sample (0.2 of 4 rows)", async () => {
    const s = await probe(XOR, 0.2);
    expect(s.splits?.validation).toEqual([0, 0]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0].code).toBe("W_VALIDATION_EMPTY");
    expect(s.warnings[0].message).toMatch(
      /validation 0\.2 of 4 samples holds out 0 samples.*expected at least 1 sample per class/,
    );
  });

  it("warns when a class is missing from the held-out part", async () => {
    const s = await probe(XOR, 0.25);
    expect(s.warnings.map((w) => w.code)).toEqual(["W_VALIDATION_CLASSES"]);
    expect(s.warnings[0].message).toMatch(/none of class "1"/);
  });

  it("says nothing when validation is off", async () => {
    expect((await probe(XOR, 0)).warnings).toEqual([]);
  });

  it("reads one-hot rows as classes, with the row width as the target", async () => {
    const s = await probe(
      {
        ...XOR,
        y: [
          [1, 0],
          [0, 1],
          [0, 1],
          [1, 0],
        ],
      },
      0.5,
    );
    expect(s).toMatchObject({ task: "classification", labels: "oneHot", outputShape: [2] });
    expect(s.classes.map((c) => c.count)).toEqual([2, 2]);
  });

  it("reads other numbers as regression values", async () => {
    const s = await probe({ kind: "inline", x: [[0], [1]], y: [0.5, 1.5] }, 0);
    expect(s).toMatchObject({ task: "regression", labels: "values", outputShape: [1], classes: [] });
  });
});
