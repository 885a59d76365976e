import type { NpySource } from "../../../shared/datasets/sources/npy";
import type { DatasetSummary, DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { checkX, checkY, countLabels, inferTask, readNpy, readNpyHeader } from "./load";
import { dtypeOf } from "./parse";

/**
 * A quick summary: x's header only (its data is not read; its length is checked against the
 * shape), and y in full (targets are small). A full load (loadNpy) decodes and checks x's values.
 */
export async function probeNpy(source: Omit<NpySource, "kind">): Promise<DatasetSummary> {
  const x = await readNpyHeader(source.x);
  const { size } = dtypeOf(x.descr, x.where);
  const expected = x.dataOffset + x.shape.reduce((a, b) => a * b, 1) * size;
  if (x.byteLength !== expected) {
    const why = x.byteLength < expected ? "truncated" : `${x.byteLength - expected} trailing bytes`;
    throw new DataError(
      "E_NPY_SIZE",
      `shape (${x.shape.join(", ")}) of '${x.descr}' takes ${expected} bytes; received ${x.byteLength} (${why})`,
      x.where,
    );
  }
  const n = checkX(x.shape, x.where);
  const warnings: DataWarning[] = [];
  if (x.fortranOrder)
    warnings.push({
      code: "W_NPY_FORTRAN",
      message: "the array is in Fortran order; it is transposed to C order on load",
      where: x.where,
    });
  if (x.descr.endsWith("f8"))
    warnings.push({
      code: "W_NPY_FLOAT64",
      message: "float64 values are narrowed to float32 for training",
      where: x.where,
    });
  const base = {
    kind: "npy",
    path: source.x,
    rows: n,
    estimated: false,
    columns: [],
    inputShape: x.shape.slice(1),
    preview: [],
  };
  if (!source.y) return { ...base, classes: [], outputShape: [], task: "unsupervised", warnings };
  const y = await readNpy(source.y);
  checkY(y.shape, n, y.where, x.where);
  const task = source.task ?? inferTask(y.descr, y.shape, y.where);
  if (task === "regression") {
    const outputShape = y.shape.length === 1 ? [1] : y.shape.slice(1);
    const preview = Array.from({ length: Math.min(5, n) }, (_, i) => [
      `sample ${i}`,
      String(y.data[i * (y.data.length / n)]),
    ]);
    return { ...base, classes: [], outputShape, task, preview, warnings };
  }
  const { counts, numClasses } = countLabels(y, source.classNames);
  const names = source.classNames ?? counts.map((_, i) => String(i));
  const present = counts.filter((c) => c > 0).length;
  if (present < 2)
    warnings.push({
      code: "W_NPY_SINGLE_CLASS",
      message: `expected samples of at least 2 classes; received ${present}`,
      where: y.where,
    });
  const preview = Array.from({ length: Math.min(5, n) }, (_, i) => [`sample ${i}`, names[y.data[i]]]);
  return {
    ...base,
    classes: counts.map((count, i) => ({ name: names[i], count })),
    outputShape: [numClasses],
    task: "classification",
    preview,
    warnings,
  };
}
