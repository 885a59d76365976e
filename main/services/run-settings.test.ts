import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InlineDatasetSchema } from "../../shared/datasets/inline";
import { DatasetSpecSchema } from "../../shared/datasets/spec";
import { parseProject } from "../../shared/ir/load";
import { inferGraph } from "../../shared/shapes/infer";
import { runSettings } from "./run-settings";

const TEMPLATES = join(import.meta.dirname, "../../resources/templates");
const template = (id: string) => {
  const r = parseProject(JSON.parse(readFileSync(join(TEMPLATES, `${id}.netforge.json`), "utf8")));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
};

describe("runSettings", () => {
  it("fills what the project leaves out from the model and data, and keeps what it sets", async () => {
    const xor = template("xor");
    const data = InlineDatasetSchema.parse(xor.data);
    const r = await runSettings(inferGraph(xor.graph), { seed: 7, epochs: 12 }, data);
    expect(r.training).toMatchObject({
      loss: { type: "binaryCrossentropy", fromLogits: false },
      metrics: ["accuracy"],
      optimizer: { type: "adam" },
      learningRate: 0.01,
      seed: 7,
      epochs: 12,
    });
    expect(r.data).toBe(data);
    // Validation is left at its default 0.2, which holds out none of 4 rows.
    expect(r.warnings.map((w) => w.code)).toEqual(["W_VALIDATION_EMPTY"]);
    expect((await runSettings(inferGraph(xor.graph), { validation: { type: "none" } }, data)).warnings).toEqual([]);
  });

  it("gives a spec's split the training settings' validation fraction", async () => {
    const iris = template("iris");
    const own = iris.data as { source: object; split: object };
    const spec = DatasetSpecSchema.parse({
      ...own,
      source: { ...own.source, path: join(TEMPLATES, "../datasets/iris.csv") },
    });
    const off = await runSettings(inferGraph(iris.graph), { ...iris.training, validation: { type: "none" } }, spec);
    expect((off.data as typeof spec).split.validation).toBe(0);
    const third = await runSettings(
      inferGraph(iris.graph),
      { ...iris.training, validation: { type: "split", fraction: 0.3 } },
      spec,
    );
    expect((third.data as typeof spec).split).toMatchObject({ validation: 0.3, seed: 1 });
    expect(third.warnings).toEqual([]);
  });
});
