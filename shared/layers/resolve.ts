import type { Shape } from "../shapes/shape";
import { getSpec, specContext } from "./catalog";
import { type NestedLayer, type ParamIssue, validateParams } from "./params";
import { type AnyLayerSpec, paramTotals, type SpecParams, type WeightSpec } from "./spec";

/**
 * Validates a layer's params by kind: defaults filled, nested layers (Bidirectional,
 * TimeDistributed) validated recursively, cross-param rules applied. Never throws.
 */
export function resolveParams<S extends AnyLayerSpec>(
  spec: S,
  raw: unknown,
): { params: SpecParams<S["params"]>; issues: ParamIssue[] } {
  const { params, issues } = validateParams(spec.params, raw, (value, def) => {
    const v = value as Partial<NestedLayer> | null;
    const kind = v && typeof v === "object" && typeof v.kind === "string" ? v.kind : undefined;
    const inner = kind && def.kinds.includes(kind) ? getSpec(kind) : undefined;
    if (!inner) {
      return {
        value: structuredClone(def.default),
        issues: [
          {
            param: "kind",
            message: `must be a layer of kind ${def.kinds.join(", ")}. Received: ${kind ?? JSON.stringify(value)}`,
          },
        ],
      };
    }
    const r = resolveParams(inner, v?.params ?? {});
    return { value: { kind: inner.kind, params: r.params }, issues: r.issues };
  });
  if (issues.length === 0 && spec.check) issues.push(...spec.check(params));
  // Every value now satisfies its def: invalid ones were replaced by their defaults.
  return { params: params as SpecParams<S["params"]>, issues };
}

/** Shapes and weights of one layer for given inputs; throws the spec's ShapeError. */
export function evaluateLayer(
  spec: AnyLayerSpec,
  params: Record<string, unknown>,
  inputs: readonly Shape[],
): {
  outputs: Shape[];
  weights: WeightSpec[];
  trainable: number;
  nonTrainable: number;
} {
  const outputs = spec.infer(params, inputs, specContext);
  const weights = spec.weights(params, inputs, specContext);
  return { outputs, weights, ...paramTotals(weights) };
}
