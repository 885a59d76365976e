import { formatValue } from "../diagnostics";

/**
 * Parameter definitions: the one schema of a layer's params. Defaults, bounds and enums live here
 * and only here; the validator, the inspector form, the CLI listing and the docs all read them.
 * A def is plain data (no functions) so it can be printed as JSON.
 */
interface Base<T> {
  default: T;
  /** One line: what the parameter does (textbook meaning, not the notes' errors). */
  doc: string;
  /** Shown only when another param has one of these values (e.g. alpha for leaky activations). */
  relevantIf?: { param: string; in: readonly (string | boolean)[] };
}

export interface IntDef extends Base<number | null> {
  type: "int";
  min?: number;
  max?: number;
  nullable?: boolean;
  /** What null stands for where it means another value ("= pool size", "no cap"); the inspector shows it in place of an empty field. */
  nullMeans?: string;
}
export interface FloatDef extends Base<number | null> {
  type: "float";
  min?: number;
  max?: number;
  /** Bounds are exclusive where set (e.g. dropout rate < 1). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  nullable?: boolean;
  /** What null stands for where it means another value ("= pool size", "no cap"); the inspector shows it in place of an empty field. */
  nullMeans?: string;
}
export interface BoolDef extends Base<boolean> {
  type: "bool";
}
export interface EnumDef<V extends string = string> extends Base<V> {
  type: "enum";
  values: readonly V[];
}
/** A tuple of integers (kernel sizes, strides, target shapes); a scalar is broadcast to `length`. */
export interface IntsDef extends Base<number[]> {
  type: "ints";
  /** Exact length, or [min, max] for variable-length shapes. */
  length: number | readonly [number, number];
  min?: number;
  max?: number;
  /** Values that are allowed besides the bounds (-1 in Reshape, null in an Input shape). */
  allow?: readonly (number | null)[];
  /** What null stands for where it means another value ("= pool size", "no cap"); the inspector shows it in place of an empty field. */
  nullMeans?: string;
  /** [[top, bottom], [left, right]]-style pairs are written as flat [t, b, l, r]. */
}
/** L1/L2 penalty factors, or null for none. */
export interface RegularizerDef extends Base<Regularizer | null> {
  type: "regularizer";
}
/** A nested layer (Bidirectional and TimeDistributed wrap one). */
export interface LayerDef extends Base<NestedLayer> {
  type: "layer";
  kinds: readonly string[];
}

export type ParamDef = IntDef | FloatDef | BoolDef | EnumDef | IntsDef | RegularizerDef | LayerDef;
export type ParamDefs = Record<string, ParamDef>;

export interface Regularizer {
  l1: number;
  l2: number;
}
export interface NestedLayer {
  kind: string;
  params: Record<string, unknown>;
}

type ValueOf<D> =
  D extends EnumDef<infer V>
    ? V
    : D extends BoolDef
      ? boolean
      : D extends IntsDef
        ? (number | null)[]
        : D extends RegularizerDef
          ? Regularizer | null
          : D extends LayerDef
            ? NestedLayer
            : D extends IntDef | FloatDef
              ? D extends { nullable: true }
                ? number | null
                : number
              : never;

/** The params object type a definition table describes. */
export type ParamValues<D extends ParamDefs> = {
  [K in keyof D]: ValueOf<D[K]>;
};

// Builders keep spec files short and make TypeScript keep the literal enum values.
export const int = (d: Omit<IntDef, "type">): IntDef => ({ type: "int", ...d });
export const float = (d: Omit<FloatDef, "type">): FloatDef => ({
  type: "float",
  ...d,
});
export const bool = (d: Omit<BoolDef, "type">): BoolDef => ({
  type: "bool",
  ...d,
});
export const oneOf = <const V extends string>(
  values: readonly V[],
  d: Omit<EnumDef<V>, "type" | "values">,
): EnumDef<V> => ({
  type: "enum",
  values,
  ...d,
});
export const ints = (d: Omit<IntsDef, "type">): IntsDef => ({
  type: "ints",
  ...d,
});
export const regularizer = (doc: string): RegularizerDef => ({
  type: "regularizer",
  default: null,
  doc,
});

export interface ParamIssue {
  param: string;
  message: string;
  unknown?: boolean;
}

/**
 * Fills defaults, broadcasts scalars to tuples, and checks every value against its def.
 * Never throws; issues carry Keras-style messages ("must be ... Received: units=0").
 */
export function validateParams(
  defs: ParamDefs,
  raw: unknown,
  nested?: (layer: unknown, def: LayerDef) => { value: NestedLayer; issues: ParamIssue[] },
): { params: Record<string, unknown>; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const params: Record<string, unknown> = {};
  const input: Record<string, unknown> =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && input !== raw) {
    issues.push({
      param: "params",
      message: `params must be an object. Received: params=${formatValue(raw)}`,
    });
  }
  // Own keys only: "constructor" or "__proto__" in a file are unknown params, not prototype hits.
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(defs, key)) {
      const known = Object.keys(defs);
      issues.push({
        param: key,
        unknown: true,
        message: `unknown parameter "${key}"; expected one of ${known.length ? known.join(", ") : "(none)"}`,
      });
    }
  }
  for (const [name, def] of entriesOf(defs)) {
    const value = Object.hasOwn(input, name) && input[name] !== undefined ? input[name] : def.default;
    if (def.type === "layer" && nested) {
      const r = nested(value, def);
      params[name] = r.value;
      issues.push(
        ...r.issues.map((i) => ({
          param: `${name}.${i.param}`,
          message: `${name}: ${i.message}`,
        })),
      );
      continue;
    }
    const [normalized, problem] = checkValue(name, def, value);
    params[name] = problem ? structuredClone(def.default) : normalized;
    if (problem) issues.push({ param: name, message: problem });
  }
  return { params, issues };
}

const entryCache = new WeakMap<ParamDefs, [string, ParamDef][]>();
/** Def tables are static, so their entry lists are built once (this runs for every node on every edit). */
function entriesOf(defs: ParamDefs): [string, ParamDef][] {
  let e = entryCache.get(defs);
  if (!e) {
    e = Object.entries(defs);
    entryCache.set(defs, e);
  }
  return e;
}

function received(name: string, value: unknown): string {
  return `Received: ${name}=${formatValue(value)}`;
}

function bounds(def: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }): string {
  const lo = def.min === undefined ? "" : `${def.exclusiveMin ? ">" : ">="} ${def.min}`;
  const hi = def.max === undefined ? "" : `${def.exclusiveMax ? "<" : "<="} ${def.max}`;
  return [lo, hi].filter(Boolean).join(" and ");
}

function inRange(
  v: number,
  def: {
    min?: number;
    max?: number;
    exclusiveMin?: boolean;
    exclusiveMax?: boolean;
  },
): boolean {
  if (def.min !== undefined && (def.exclusiveMin ? v <= def.min : v < def.min)) return false;
  if (def.max !== undefined && (def.exclusiveMax ? v >= def.max : v > def.max)) return false;
  return true;
}

/** Returns the normalized value and, when invalid, the message. */
function checkValue(name: string, def: ParamDef, value: unknown): [unknown, string | null] {
  switch (def.type) {
    case "int":
    case "float": {
      if (value === null && def.nullable) return [null, null];
      const what = def.type === "int" ? "an integer" : "a finite number";
      const ok =
        typeof value === "number" && Number.isFinite(value) && (def.type === "float" || Number.isInteger(value));
      if (!ok || !inRange(value as number, def)) {
        const b = bounds(def);
        return [
          value,
          `${name} must be ${what}${b ? ` ${b}` : ""}${def.nullable ? " (or null)" : ""}. ${received(name, value)}`,
        ];
      }
      return [value, null];
    }
    case "bool":
      return typeof value === "boolean"
        ? [value, null]
        : [value, `${name} must be true or false. ${received(name, value)}`];
    case "enum":
      return typeof value === "string" && def.values.includes(value)
        ? [value, null]
        : [value, `${name} must be one of ${def.values.map((v) => `"${v}"`).join(", ")}. ${received(name, value)}`];
    case "ints":
      return checkInts(name, def, value);
    case "regularizer": {
      if (value === null) return [null, null];
      const r = value as Partial<Regularizer>;
      const ok =
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value as object).every((k) => k === "l1" || k === "l2") &&
        [r.l1 ?? 0, r.l2 ?? 0].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
      return ok
        ? [{ l1: r.l1 ?? 0, l2: r.l2 ?? 0 }, null]
        : [value, `${name} must be null or { l1, l2 } with factors >= 0. ${received(name, value)}`];
    }
    case "layer":
      return [value, null];
  }
}

function checkInts(name: string, def: IntsDef, value: unknown): [unknown, string | null] {
  const minLen = typeof def.length === "number" ? def.length : def.length[0];
  const maxLen = typeof def.length === "number" ? def.length : def.length[1];
  const arr = typeof value === "number" && minLen === maxLen ? new Array(minLen).fill(value) : value;
  let ok = Array.isArray(arr) && arr.length >= minLen && arr.length <= maxLen;
  for (let i = 0; ok && i < (arr as unknown[]).length; i++) {
    const x = (arr as unknown[])[i];
    ok =
      (typeof x === "number" && Number.isInteger(x) && inRange(x, def)) ||
      (def.allow?.includes(x as number | null) ?? false);
  }
  if (ok) return [(arr as number[]).slice(), null];
  const lengthText = minLen === maxLen ? `${minLen}` : `${minLen} to ${maxLen}`;
  const b = bounds(def);
  const extra = def.allow?.length ? ` (or ${def.allow.map((a) => String(a)).join(", ")})` : "";
  const scalar = minLen === maxLen ? " (a single integer is repeated)" : "";
  return [
    value,
    `${name} must be a list of ${lengthText} integers${b ? ` ${b}` : ""}${extra}${scalar}. ${received(name, value)}`,
  ];
}

/** Defaults of a def table, as a fresh object. */
export function defaultParams(defs: ParamDefs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, structuredClone(d.default)]));
}
