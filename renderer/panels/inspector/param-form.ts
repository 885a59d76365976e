import type { FloatDef, IntDef, IntsDef, ParamDef } from "../../../shared/layers/params";
import { validateParams } from "../../../shared/layers/params";
import { resolveParams } from "../../../shared/layers/resolve";
import type { AnyLayerSpec } from "../../../shared/layers/spec";

/**
 * The inspector's form logic, kept out of the components: which params show, what a field's text
 * means, and the catalog's own message for a value (the same validateParams the analysis runs, so
 * the form and the node badge can never disagree).
 */

/** Params in spec order, hiding those whose `relevantIf` condition is not met (alpha without leaky). */
export function visibleParams(spec: AnyLayerSpec, params: Record<string, unknown>): [string, ParamDef][] {
  return Object.entries(spec.params as Record<string, ParamDef>).filter(([, def]) => {
    const cond = def.relevantIf;
    return !cond || cond.in.includes(params[cond.param] as string | boolean);
  });
}

/**
 * The catalog's message for setting `name` to `value` on a block with these params, or null when it
 * is valid. Cross-param rules (spec.check) count too: they name the param they concern.
 */
export function paramMessage(
  spec: AnyLayerSpec,
  params: Record<string, unknown>,
  name: string,
  value: unknown,
): string | null {
  const { issues } = resolveParams(spec, { ...params, [name]: value });
  const own = issues.find((i) => i.param === name || i.param.startsWith(`${name}.`));
  return own ? own.message : null;
}

/** The message for one value against one def alone (tuple cells, nested fields). */
export function valueMessage(name: string, def: ParamDef, value: unknown): string | null {
  return validateParams({ [name]: def }, { [name]: value }).issues[0]?.message ?? null;
}

/**
 * Field text to a param value. Empty text is null for nullable params and otherwise stays a string,
 * so the catalog's message reports what was typed ("Received: units=\"abc\"").
 */
export function parseNumber(text: string, def: IntDef | FloatDef): unknown {
  const t = text.trim();
  if (t === "") return def.nullable ? null : t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * What an empty number field stands for: the def's own meaning of null ("= keyDim", "no cap"),
 * else "auto"; undefined where empty is not a value.
 */
export function emptyNumberText(def: IntDef | FloatDef): string | undefined {
  return def.nullable ? (def.nullMeans ?? "auto") : undefined;
}

/**
 * A tuple cell's text. Where null means another value (pool strides follow the pool size) the
 * cell is left empty and the field's hint says what it follows; elsewhere null is an unknown size, "?".
 */
export function tupleCellText(def: IntsDef, value: unknown): string {
  return value === null ? (def.nullMeans ? "" : "?") : String(value);
}

/** Shown in an empty tuple cell that follows another value; the field's hint says which. */
export const AUTO_CELL = "auto";

/** The hint under a tuple whose empty cells follow another value: "auto = pool size". */
export function tupleHint(def: IntsDef, cells: readonly string[]): string | undefined {
  return def.nullMeans && cells.some((c) => c.trim() === "") ? `${AUTO_CELL} ${def.nullMeans}` : undefined;
}

export function formatNumber(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The next value for a stepper press: integers move by 1; floats by a step suited to their range
 * (0.05 for rates in [0, 1], 0.1 otherwise, or a tenth of the magnitude for tiny epsilons). Steps stop
 * at the bounds, inside exclusive ones.
 */
export function stepNumber(def: IntDef | FloatDef, value: unknown, direction: 1 | -1): number {
  const current =
    typeof value === "number" && Number.isFinite(value) ? value : typeof def.default === "number" ? def.default : 0;
  let step = 1;
  if (def.type === "float") {
    const unit = def.min === 0 && def.max === 1;
    const tiny = current !== 0 && Math.abs(current) < 0.01;
    step = tiny ? 10 ** Math.floor(Math.log10(Math.abs(current))) : unit ? 0.05 : 0.1;
  }
  // Round away float noise (0.1 + 0.2) to the step's decimals.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  let next = Number((current + direction * step).toFixed(decimals + 2));
  const { min, max, exclusiveMin, exclusiveMax } = def as FloatDef;
  if (min !== undefined && (next < min || (exclusiveMin && next <= min))) next = exclusiveMin ? current : min;
  if (max !== undefined && (next > max || (exclusiveMax && next >= max))) next = exclusiveMax ? current : max;
  return next;
}

/** "0 <= x < 1", "x >= 1": the bounds as a hint under a number field. */
export function boundsHint(def: IntDef | FloatDef | { min?: number; max?: number }): string {
  const d = def as FloatDef;
  const lo = d.min === undefined ? "" : `${d.min} ${d.exclusiveMin ? "<" : "≤"} `;
  const hi = d.max === undefined ? "" : ` ${d.exclusiveMax ? "<" : "≤"} ${d.max}`;
  return lo || hi ? `${lo}x${hi}` : "";
}
