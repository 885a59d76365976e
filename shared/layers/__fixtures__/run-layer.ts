import { ShapeError } from "../../diagnostics";
import type { Shape } from "../../shapes/shape";
import { getSpec } from "../catalog";
import type { ParamIssue } from "../params";
import { evaluateLayer, resolveParams } from "../resolve";
import type { AnyLayerSpec } from "../spec";

/**
 * Helpers the layer tests share. Plain TypeScript (no vitest, no Node): a helper that finds
 * something wrong throws, and the throw fails the test that called it.
 */

type RawParams = Record<string, unknown>;

/** The issues resolving these raw params reports (empty when they are valid). */
export const paramIssues = (spec: AnyLayerSpec, raw: RawParams): ParamIssue[] => resolveParams(spec, raw).issues;

/** The names of the params that have an issue, in the order they are reported. */
export const paramIssueNames = (spec: AnyLayerSpec, raw: RawParams): string[] =>
  paramIssues(spec, raw).map((i) => i.param);

/** A spec's params with every default filled in. */
export const defaultsOf = (spec: AnyLayerSpec) => resolveParams(spec, {}).params;

/** The catalog's spec for a kind (an error when the catalog has none). */
export function specOf(kind: string): AnyLayerSpec {
  const spec = getSpec(kind);
  if (!spec) throw new Error(`${kind} missing`);
  return spec;
}

/** Resolves raw params (which must have no issues) and evaluates the layer on these input shapes. */
export function runLayer(spec: AnyLayerSpec, raw: RawParams, inputs: Shape[]) {
  const { params, issues } = resolveParams(spec, raw);
  if (issues.length > 0) throw new Error(`${spec.kind}: expected no param issues, got ${JSON.stringify(issues)}`);
  return evaluateLayer(spec, params, inputs);
}

/** The ShapeError fn throws; any other error is rethrown, and not throwing at all is an error. */
export function shapeErrorOf(fn: () => unknown, failure = "expected a ShapeError"): ShapeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error(failure);
}

/** The ShapeError runLayer throws for these params and inputs (an error when it accepts them). */
export const layerShapeError = (spec: AnyLayerSpec, raw: RawParams, inputs: Shape[]): ShapeError =>
  shapeErrorOf(() => runLayer(spec, raw, inputs), `${spec.kind} accepted ${JSON.stringify(inputs)}`);
