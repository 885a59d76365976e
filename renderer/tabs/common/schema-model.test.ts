import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { TableSourceSchema } from "../../../shared/datasets/sources/table";
import { SplitSchema } from "../../../shared/datasets/split";
import { TrainingConfigSchema } from "../../../shared/training/config";
import {
  type FieldModel,
  formModel,
  getIn,
  humanize,
  type NumberField,
  numberProblem,
  setIn,
  type UnionField,
  variantFor,
} from "./schema-model";

const field = (fields: readonly FieldModel[], key: string) => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe("formModel of the training config", () => {
  const model = formModel(TrainingConfigSchema);

  it("has a field for every key of the schema", () => {
    expect(model.fields.map((f) => f.key)).toEqual([
      "loss",
      "optimizer",
      "learningRate",
      "schedule",
      "clipping",
      "batchSize",
      "epochs",
      "validation",
      "shuffle",
      "metrics",
      "earlyStopping",
      "checkpoints",
      "seed",
      "backend",
      "telemetry",
    ]);
  });

  it("reads numbers with their bounds, defaults and optionality", () => {
    expect(field(model.fields, "batchSize")).toMatchObject({
      kind: "number",
      integer: true,
      min: 1,
      max: 65_536,
      default: 32,
      path: ["batchSize"],
    });
    expect(field(model.fields, "learningRate")).toMatchObject({ kind: "number", gt: 0, max: 10, optional: true });
    expect(field(model.fields, "seed")).toMatchObject({ kind: "number", nullable: true, integer: true });
  });

  it("reads tagged unions with each variant's own fields", () => {
    const optimizer = field(model.fields, "optimizer") as UnionField;
    expect(optimizer.kind).toBe("union");
    expect(optimizer.default).toBe("adam");
    const adam = variantFor(optimizer, "adam");
    expect(adam?.tags).toEqual(["adam", "adamax"]);
    expect(adam?.fields.map((f) => f.key)).toEqual(["beta1", "beta2", "epsilon"]);
    expect(adam?.fields[0].path).toEqual(["optimizer", "beta1"]);
    expect(variantFor(optimizer, undefined)?.tags).toContain("adam");
  });

  it("reads enums, lists of choices and nested objects", () => {
    expect(field(model.fields, "backend")).toMatchObject({ kind: "enum", default: "auto" });
    expect(field(model.fields, "metrics")).toMatchObject({
      kind: "multi",
      options: ["accuracy", "precision", "recall", "mse", "mae"],
    });
    const es = field(model.fields, "earlyStopping");
    expect(es.kind === "object" && es.fields.map((f) => `${f.key}:${f.kind}`)).toEqual([
      "enabled:boolean",
      "monitor:string",
      "patience:number",
      "minDelta:number",
      "restoreBestWeights:boolean",
    ]);
  });

  it("works for other settings schemas (the data split)", () => {
    const split = formModel(SplitSchema);
    expect(field(split.fields, "validation")).toMatchObject({ kind: "number", min: 0, lt: 1, default: 0.2 });
    expect(field(split.fields, "stratify")).toMatchObject({ kind: "boolean", default: true });
  });

  it("reads tuples, constant-or-boolean choices, and text-or-number values (data sources)", () => {
    const image = formModel(ImageFolderSourceSchema);
    expect(field(image.fields, "targetSize")).toMatchObject({ kind: "tuple", default: [32, 32] });
    const size = field(image.fields, "targetSize");
    expect(size.kind === "tuple" && size.items.map((i) => [i.path, i.min, i.max])).toEqual([
      [["targetSize", "0"], 1, 1024],
      [["targetSize", "1"], 1, 1024],
    ]);
    const table = formModel(TableSourceSchema);
    expect(field(table.fields, "header")).toMatchObject({
      kind: "enum",
      options: ["auto", "yes", "no"],
      values: ["auto", true, false],
      default: "auto",
    });
    expect(field(table.fields, "delimiter")).toMatchObject({ kind: "string", default: "auto" });
    const missing = field(table.fields, "missing");
    expect(missing.kind === "object" && field(missing.fields, "value")).toMatchObject({
      kind: "string",
      numeric: true,
    });
  });

  it("refuses a schema that is not an object", () => {
    expect(() => formModel(z.number())).toThrow(/object schema; received number/);
  });
});

describe("numberProblem", () => {
  const batch = {
    kind: "number",
    key: "b",
    path: ["b"],
    optional: false,
    integer: true,
    min: 1,
    max: 10,
    nullable: false,
  } as NumberField;
  it("accepts values within the bounds and names the bounds otherwise", () => {
    expect(numberProblem(batch, 5)).toBeNull();
    expect(numberProblem(batch, 0)).toBe("must be an integer >= 1 and <= 10; received 0");
    expect(numberProblem(batch, 2.5)).toMatch(/integer/);
    expect(numberProblem(batch, Number.NaN)).toMatch(/received NaN/);
    expect(numberProblem(batch, null)).toBe("must be a number");
    expect(numberProblem({ ...batch, nullable: true }, null)).toBeNull();
  });
  it("handles strict bounds", () => {
    const rate = { ...batch, integer: false, min: undefined, max: undefined, gt: 0, lt: 1 } as NumberField;
    expect(numberProblem(rate, 0)).toBe("must be a number > 0 and < 1; received 0");
    expect(numberProblem(rate, 0.5)).toBeNull();
  });
});

describe("getIn, setIn and humanize", () => {
  it("reads and writes nested values without touching the rest", () => {
    const root = { a: { b: 1, c: { d: 2 } }, e: [1] };
    const next = setIn(root, ["a", "b"], 5);
    expect(next).toEqual({ a: { b: 5, c: { d: 2 } }, e: [1] });
    expect(next.a.c).toBe(root.a.c);
    expect(next.e).toBe(root.e);
    expect(root.a.b).toBe(1);
    expect(getIn(next, ["a", "c", "d"])).toBe(2);
    expect(getIn(next, ["x", "y"])).toBeUndefined();
    expect(setIn(root, ["a", "b"], undefined)).toEqual({ a: { c: { d: 2 } }, e: [1] });
    expect(setIn({}, ["p", "q"], 1)).toEqual({ p: { q: 1 } });
  });
  it("turns keys into labels", () => {
    expect(humanize("batchSize")).toBe("Batch size");
    expect(humanize("val_loss")).toBe("Val loss");
    expect(humanize("restoreBestWeights")).toBe("Restore best weights");
  });
});
