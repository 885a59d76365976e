import { describe, expect, it } from "vitest";
import { sequential } from "../ir/builder";
import { inferGraph } from "../shapes/infer";
import { exportMetadata, METADATA_KEYS, normalizationOf } from "./metadata";
import { exportReadiness } from "./readiness";

const readiness = exportReadiness(inferGraph(sequential([4], ["Dropout", { rate: 0.5 }], ["Dense", { units: 3 }])));

describe("ONNX metadata_props", () => {
  it("writes the run, the class names, the preprocessing and what the file drops", () => {
    const m = exportMetadata({
      version: "1.2.3",
      runId: "run-1",
      project: "Iris",
      weights: "checkpoint best",
      classNames: ["a", "b", "c"],
      preprocessing: { kind: "none" },
      normalization: null,
      readiness,
    });
    expect(m).toEqual({
      [METADATA_KEYS.version]: "1.2.3",
      [METADATA_KEYS.runId]: "run-1",
      [METADATA_KEYS.project]: "Iris",
      [METADATA_KEYS.weights]: "checkpoint best",
      [METADATA_KEYS.classNames]: '["a","b","c"]',
      [METADATA_KEYS.preprocessing]: '{"kind":"none"}',
      [METADATA_KEYS.approximations]: JSON.stringify([
        { node: "dropout_1", kind: "Dropout", status: "dropped", reason: readiness.nodes[1].reason },
      ]),
    });
  });

  it("leaves out what is unknown", () => {
    const m = exportMetadata({
      version: "1",
      runId: null,
      project: "p",
      weights: "untrained (fresh initialisation)",
      classNames: null,
      preprocessing: null,
      normalization: null,
      readiness: exportReadiness(inferGraph(sequential([2], ["Dense", { units: 1 }]))),
    });
    expect(Object.keys(m).sort()).toEqual([METADATA_KEYS.project, METADATA_KEYS.version, METADATA_KEYS.weights].sort());
  });
});

describe("normalizationOf", () => {
  it("images: pixels / 255, then the channel statistics when standardized", () => {
    expect(normalizationOf("x", { kind: "imageFolder", shape: [32, 32, 3], stats: null }, null)).toMatchObject({
      input: "x",
      scale: 1 / 255,
      mean: [0, 0, 0],
      std: [1, 1, 1],
    });
    const stats = { mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.25], images: 10 };
    expect(normalizationOf("x", { kind: "imageFolder", shape: [8, 8, 3], stats }, null)).toMatchObject({
      mean: stats.mean,
      std: stats.std,
    });
  });

  it("IDX pixels unless kept raw", () => {
    expect(normalizationOf("x", null, { kind: "idx", scale: "unit" })).toMatchObject({
      scale: 1 / 255,
      mean: [0],
      std: [1],
    });
    expect(normalizationOf("x", null, { kind: "idx", scale: "none" })).toBeNull();
  });

  it("tables: per-feature center and scale when every feature is numeric, else none", () => {
    const numeric = (name: string, center: number, scale: number) => ({ name, type: "numeric", center, scale });
    const table = (features: object[], featureNames: string[]) => ({
      kind: "table",
      featureNames,
      stats: { features },
    });
    expect(normalizationOf("x", table([numeric("a", 1, 2), numeric("b", 3, 4)], ["a", "b"]), null)).toMatchObject({
      scale: 1,
      mean: [1, 3],
      std: [2, 4],
    });
    const categorical = { name: "c", type: "categorical", center: 0, scale: 1, categories: ["u", "v"] };
    expect(normalizationOf("x", table([numeric("a", 1, 2), categorical], ["a", "c=u", "c=v"]), null)).toBeNull();
  });

  it("inline data is fed as given", () => {
    expect(normalizationOf("x", { kind: "none" }, { kind: "inline" })).toBeNull();
  });
});
