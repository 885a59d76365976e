import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { sequential } from "../../shared/ir/builder";
import { type ExportResult, VERIFY_TOLERANCE } from "../../shared/onnx/result";
import { checkOnnxFile } from "../trainer/export/onnx-check.testkit";

/**
 * Raw-data exports as users make them (main/services/export-raw*.test.ts): projects written as
 * files beside their data, exported through exportRun with a real trainer, and the checks every
 * such export must pass.
 */

/** A project file over `data`, a stack of layers after an Input of `shape`. */
export function writeProject(
  dir: string,
  name: string,
  p: { shape: number[]; layers: Parameters<typeof sequential>[1][]; data: unknown; training?: unknown; dtype?: string },
): string {
  const graph = sequential(p.shape, ...p.layers);
  if (p.dtype) (graph.nodes[0].params as { dtype?: string }).dtype = p.dtype;
  const path = join(dir, `${name}.netforge.json`);
  const training = p.training ?? {
    loss: { type: "sparseCategoricalCrossentropy" },
    validation: { type: "split", fraction: 0.2 },
  };
  writeFileSync(path, JSON.stringify({ format: "netforge.project", version: 1, name, graph, data: p.data, training }));
  return path;
}

/**
 * The file took raw samples from the user's data and answered as NetForge does on every one of
 * them (numbers within the tolerance, labels identical), and python3-onnx accepts it.
 */
export function expectRawAgreement(result: ExportResult, source: RegExp): void {
  expect(result.warnings.filter((w) => /verif|raw/.test(w))).toEqual([]);
  expect(result.verified).toBe(true);
  expect(result.pipeline?.mode).toBe("raw");
  const check = result.rawCheck;
  expect(check).not.toBeNull();
  expect(check?.source).toMatch(source);
  expect(check?.count).toBeGreaterThan(0);
  expect(check?.agree).toBe(check?.count);
  expect(check?.shown.length).toBe(Math.min(8, check?.count ?? 0));
  // The answers' text rounds to 4 digits, so two values within the tolerance may print apart at
  // a rounding boundary (27.785): agreement is the numeric check, labels must match exactly.
  for (const s of check?.shown ?? []) expect(s.agree).toBe(true);
  expect(result.maxAbsDiff).not.toBeNull();
  expect(result.maxAbsDiff as number).toBeLessThanOrEqual(VERIFY_TOLERANCE);
  expect(result.file).not.toBeNull();
  expect(checkOnnxFile(result.file as string)).toBe("");
}
