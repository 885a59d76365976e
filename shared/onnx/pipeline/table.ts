import { MISSING_TOKENS } from "../../datasets/missing";
import { onnxName } from "../export";
import type { OnnxGraph, Value } from "../graph";
import { attr } from "../model";
import { DataType } from "../proto";
import { fmt, type Recorder } from "./describe";
import { expectDims, type Front } from "./front";
import type { FeatureStat, TablePreprocessing } from "./preprocessing";
import type { TableInputMode } from "./types";

/**
 * A table's features as main/data/table/load.ts applyTableStats encodes them, with the statistics
 * saved with the run: missing cells take the saved fill, numbers become (x - center) / scale,
 * categories their one-hot vector or ordinal code, an unseen category all zeros or -1, in the
 * saved featureNames order. The arithmetic runs in float64 as applyTableStats does (a date's
 * center, some 20,000 days, has no float32 digits to spare), then becomes float32.
 */
export function tableFront(pre: TablePreprocessing, mode: TableInputMode, d: Recorder): Front {
  const features = pre.stats.features;
  const categorical = features.filter(isCategorical);
  if (mode === "matrix" && categorical.length > 0) {
    throw new Error(
      `a matrix input needs every feature to be a number; ${categorical.map((f) => JSON.stringify(f.name)).join(", ")} ${categorical.length === 1 ? "is" : "are"} categorical: export with tableInputs "columns" (one input per column)`,
    );
  }
  const width = features.reduce((n, f) => n + widthOf(f), 0);
  const centers = features.flatMap((f) => new Array(widthOf(f)).fill(isCategorical(f) ? 0 : f.center));
  const scales = features.flatMap((f) => new Array(widthOf(f)).fill(isCategorical(f) ? 1 : f.scale));
  // Recorded when an Input takes the table (a GAN generator's file has none).
  // A bare file fills nothing itself: the user fills missing cells with the saved values.
  const userSteps = (bare: boolean) => {
    for (const f of features) if (f.stripUnit && f.unit) d.userStep(unitLine(f));
    d.userStep(
      bare
        ? "Missing cells: replace each with its column's fill value (in the steps) before encoding, as training did. Trim spaces around categories."
        : mode === "matrix"
          ? "Missing numbers: feed NaN; the file fills them as training did."
          : 'Missing cells: feed NaN for a number and "" for a category; the file fills them as training did. Trim spaces around categories.',
    );
  };
  return {
    raw(g, _inputId, model) {
      userSteps(false);
      expectDims(model, [width], "the table's encoded features");
      const x = mode === "matrix" ? matrixInput(g, features, d) : columnInputs(g, features, d);
      const affine = centers.some((c) => c !== 0) || scales.some((s) => s !== 1);
      const scaled = affine
        ? g.op1(
            "Div",
            [g.op1("Sub", [x, g.doubles(centers)], {}, "table/center"), g.doubles(scales)],
            {},
            "table/scale",
          )
        : x;
      for (const f of features) d.step(featureLine(f));
      const name = g.op1("Cast", [scaled], { to: attr.i(DataType.FLOAT) }, "table/features");
      return { name, rank: 2, layout: "channelsLast", elemType: DataType.FLOAT } satisfies Value;
    },
    bare(_inputId, model) {
      userSteps(true);
      for (const f of features) d.step(featureLine(f));
      d.step(`Concatenate into [N, ${width}] in this order: ${pre.featureNames.join(", ")}.`);
      d.transforms[model.name] = {
        kind: "table",
        formula:
          "numbers: (x - center) / scale after filling a missing x; categories: one-hot (unknown: all zeros) or ordinal code (unknown: -1)",
        columns: features.map(transformOf),
        featureNames: pre.featureNames,
      };
    },
  };
}

const isCategorical = (f: FeatureStat): boolean => f.categories !== undefined;
const widthOf = (f: FeatureStat): number =>
  isCategorical(f) && f.encoding === "onehot" ? (f.categories as string[]).length : 1;

/** One float32 [N, 1] input per number column, one string [N, 1] input per category column. */
function columnInputs(g: OnnxGraph, features: readonly FeatureStat[], d: Recorder): string {
  const parts: string[] = [];
  for (const f of features) {
    if (isCategorical(f)) {
      const name = g.addInput(onnxName(f.name), DataType.STRING, ["N", 1]);
      d.input({ name, elemType: DataType.STRING, dims: ["N", 1] }, categoryPort(f), [f.name]);
      if (widthOf(f) > 0) parts.push(encodeCategory(g, name, f));
    } else {
      const name = g.addInput(onnxName(f.name), DataType.FLOAT, ["N", 1]);
      d.input({ name, elemType: DataType.FLOAT, dims: ["N", 1] }, numberPort(f), [f.name]);
      parts.push(fillMissing(g, name, [f.fill as number]));
    }
  }
  return parts.length === 1 ? parts[0] : g.op1("Concat", parts, { axis: attr.i(1) }, "table/concat");
}

/** One float32 [N, F] input holding every (numeric) feature in training order. */
function matrixInput(g: OnnxGraph, features: readonly FeatureStat[], d: Recorder): string {
  const dims = ["N", features.length];
  const name = g.addInput("features", DataType.FLOAT, dims);
  d.input(
    { name, elemType: DataType.FLOAT, dims },
    `the feature columns as numbers, in this order: ${features.map((f) => `${f.name} (${numberKind(f)})`).join(", ")}; NaN where missing`,
    features.map((f) => f.name),
  );
  return fillMissing(
    g,
    name,
    features.map((f) => f.fill as number),
  );
}

/** float32 -> float64, NaN -> the saved fill (per column). */
function fillMissing(g: OnnxGraph, input: string, fills: number[]): string {
  const x = g.op1("Cast", [input], { to: attr.i(DataType.DOUBLE) }, `${input}/double`);
  const nan = g.op1("IsNaN", [x], {}, `${input}/missing`);
  return g.op1("Where", [nan, g.doubles(fills), x], {}, `${input}/filled`);
}

/**
 * Category -> code with LabelEncoder (ai.onnx.ml): the training categories map to their sorted
 * position, the missing-cell tokens NetForge reads ("", "NA", ...) to the fill's, anything else
 * to -1 as applyTableStats does; one-hot compares the code with 0..K-1, so -1 is all zeros.
 */
function encodeCategory(g: OnnxGraph, input: string, f: FeatureStat): string {
  const categories = f.categories as string[];
  const fill = categories.indexOf(String(f.fill));
  const missing = fill >= 0 ? [...MISSING_TOKENS] : [];
  const keys = [...categories, ...missing];
  const codes = [...categories.map((_, k) => k), ...missing.map(() => fill)];
  // A column without a value in the training rows has no key; the checker wants at least one,
  // and "" -> -1 is what the default gives anyway.
  if (keys.length === 0) [keys[0], codes[0]] = ["", -1];
  const code = g.mlOp1(
    "LabelEncoder",
    [input],
    { keys_strings: attr.ss(keys), values_int64s: attr.is(codes), default_int64: attr.i(-1) },
    `${input}/code`,
  );
  if (f.encoding !== "onehot") return g.op1("Cast", [code], { to: attr.i(DataType.DOUBLE) }, `${input}/ordinal`);
  const range = g.int64Tensor(
    [categories.length],
    categories.map((_, k) => k),
  );
  const hot = g.op1("Equal", [code, range], {}, `${input}/equal`);
  return g.op1("Cast", [hot], { to: attr.i(DataType.DOUBLE) }, `${input}/onehot`);
}

function numberKind(f: FeatureStat): string {
  if (f.type === "boolean") return "1 for true, 0 for false";
  if (f.type === "date") return "days since 1970-01-01 UTC, fractional for times";
  return f.unit && f.stripUnit ? `a number in ${f.unit}, without the unit` : "a number";
}

function numberPort(f: FeatureStat): string {
  return `column "${f.name}" of the training file: ${numberKind(f)}; NaN where missing`;
}

function categoryPort(f: FeatureStat): string {
  const cats = f.categories as string[];
  const shown = cats.length > 12 ? `${cats.slice(0, 12).join(", ")}, ...` : cats.join(", ");
  return `column "${f.name}" of the training file: a category as text (${cats.length} known: ${shown}); "" where missing`;
}

function unitLine(f: FeatureStat): string {
  return `Column "${f.name}" holds numbers with the unit "${f.unit}": feed the number alone ("2${f.unit}" -> 2).`;
}

/** The step a feature goes through, as one sentence (the same in raw and bare mode). */
function featureLine(f: FeatureStat): string {
  const fill = `missing -> ${typeof f.fill === "number" ? fmt(f.fill) : JSON.stringify(f.fill)}`;
  if (isCategorical(f)) {
    const unknown = f.encoding === "onehot" ? "an unknown category gives all zeros" : "an unknown category gives -1";
    return `${f.name}: ${fill}; ${f.encoding === "onehot" ? `one-hot over ${(f.categories as string[]).length} categories` : "ordinal code (position in the sorted categories)"}; ${unknown}.`;
  }
  const affine = f.center !== 0 || f.scale !== 1 ? `; (x - ${fmt(f.center)}) / ${fmt(f.scale)}` : "";
  return `${f.name}: ${fill}${affine}.`;
}

function transformOf(f: FeatureStat): Record<string, unknown> {
  if (isCategorical(f)) {
    return {
      name: f.name,
      type: f.type,
      encoding: f.encoding,
      categories: f.categories,
      fill: f.fill,
      unknown: f.encoding === "onehot" ? "all zeros" : -1,
    };
  }
  return { name: f.name, type: f.type, fill: f.fill, center: f.center, scale: f.scale, unit: f.unit ?? null };
}
