import { z } from "zod";

/**
 * Settings forms generated from the zod schemas that define the settings (training config, data
 * sources, split), through their JSON Schema (zod's own `toJSONSchema`, input side): adding a field
 * to a schema adds it to the form. The model is pure data; SchemaForm.tsx draws it.
 */
interface Base {
  key: string;
  /** Keys from the form's root to this field. */
  path: readonly string[];
  optional: boolean;
}
export interface NumberField extends Base {
  kind: "number";
  integer: boolean;
  min?: number;
  max?: number;
  /** Strict bounds (> / <). */
  gt?: number;
  lt?: number;
  default?: number;
  /** null is a valid value (a random seed). */
  nullable: boolean;
}
export interface BooleanField extends Base {
  kind: "boolean";
  default?: boolean;
}
export interface EnumField extends Base {
  kind: "enum";
  options: readonly string[];
  default?: string;
  /** The value each option stands for when it is not the option's own text ("auto" | true | false). */
  values?: readonly unknown[];
}
/** A fixed-length list of numbers (an image's [height, width]). */
export interface TupleField extends Base {
  kind: "tuple";
  items: readonly NumberField[];
  default?: readonly number[];
}
/** A list of distinct choices (metrics). */
export interface MultiField extends Base {
  kind: "multi";
  options: readonly string[];
  default: readonly string[];
}
export interface StringField extends Base {
  kind: "string";
  default?: string;
  /** Text that reads as a number is stored as one (a fill value for numeric or text columns). */
  numeric?: boolean;
}
export interface ObjectField extends Base {
  kind: "object";
  fields: readonly FieldModel[];
}
/** A tagged union on `type` (loss, optimizer, schedule): a choice plus the chosen variant's fields. */
export interface UnionField extends Base {
  kind: "union";
  variants: readonly { tags: readonly string[]; fields: readonly FieldModel[] }[];
  default?: string;
}
/** Something the form cannot edit (kept as it is in the document). */
export interface OpaqueField extends Base {
  kind: "opaque";
}
export type FieldModel =
  | NumberField
  | BooleanField
  | EnumField
  | MultiField
  | StringField
  | TupleField
  | ObjectField
  | UnionField
  | OpaqueField;

type Json = Record<string, unknown>;

/** The model of a zod object schema's fields (input side: defaults optional). */
export function formModel(schema: z.ZodType): ObjectField {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  const model = fieldOf("", [], json, false);
  if (model.kind !== "object") throw new TypeError(`a settings form needs an object schema; received ${model.kind}`);
  return model;
}

function fieldOf(key: string, path: readonly string[], s: Json, optional: boolean): FieldModel {
  const base = { key, path, optional };
  const any = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (any) {
    const nonNull = any.filter((o) => o.type !== "null");
    if (nonNull.length === 1 && nonNull.length < any.length) {
      const inner = fieldOf(key, path, { ...nonNull[0], default: s.default }, optional);
      return inner.kind === "number" ? { ...inner, nullable: true } : inner;
    }
    const scalar = scalarChoices(any, s.default);
    if (scalar) return { ...base, ...scalar };
    const variants = nonNull.map((o) => variantOf(path, o));
    if (variants.every((v) => v !== null)) {
      const def = s.default as Json | undefined;
      return { ...base, kind: "union", variants, default: typeof def?.type === "string" ? def.type : undefined };
    }
    return { ...base, kind: "opaque" };
  }
  if (Array.isArray(s.type) && s.type.includes("string")) {
    return { ...base, kind: "string", numeric: s.type.includes("number") };
  }
  switch (s.type) {
    case "number":
    case "integer":
      return {
        ...base,
        kind: "number",
        integer: s.type === "integer",
        ...bound("min", s.minimum),
        ...bound("max", s.maximum),
        ...bound("gt", s.exclusiveMinimum),
        ...bound("lt", s.exclusiveMaximum),
        ...(typeof s.default === "number" ? { default: s.default } : {}),
        nullable: false,
      };
    case "boolean":
      return { ...base, kind: "boolean", ...(typeof s.default === "boolean" ? { default: s.default } : {}) };
    case "string": {
      const options = enumOf(s);
      if (options)
        return { ...base, kind: "enum", options, ...(typeof s.default === "string" ? { default: s.default } : {}) };
      return { ...base, kind: "string", ...(typeof s.default === "string" ? { default: s.default } : {}) };
    }
    case "array": {
      if (Array.isArray(s.prefixItems)) {
        const items = (s.prefixItems as Json[]).map((p, i) => fieldOf(String(i), [...path, String(i)], p, false));
        if (!items.every((f): f is NumberField => f.kind === "number")) return { ...base, kind: "opaque" };
        const def = Array.isArray(s.default) ? (s.default as number[]) : undefined;
        return { ...base, kind: "tuple", items, ...(def ? { default: def } : {}) };
      }
      const options = enumOf((s.items ?? {}) as Json);
      if (options) {
        const def = Array.isArray(s.default) ? (s.default as string[]) : [];
        return { ...base, kind: "multi", options, default: def };
      }
      return { ...base, kind: "opaque" };
    }
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      const fields = Object.entries(props).map(([k, p]) => fieldOf(k, [...path, k], p, !required.has(k)));
      return { ...base, kind: "object", fields };
    }
    default:
      return { ...base, kind: "opaque" };
  }
}

/**
 * Alternatives that are each a constant or a yes/no ("auto" | true | false): one choice list whose
 * options stand for those values. A free string among them makes a text field whose default says
 * the constant ("auto" | one character).
 */
function scalarChoices(any: Json[], def: unknown): Omit<EnumField, keyof Base> | Omit<StringField, keyof Base> | null {
  const options: string[] = [];
  const values: unknown[] = [];
  let freeString = false;
  for (const o of any) {
    const consts = enumOf(o);
    if (consts) {
      for (const c of consts) {
        options.push(c);
        values.push(c);
      }
    } else if (o.type === "boolean") {
      options.push("yes", "no");
      values.push(true, false);
    } else if (o.type === "string") freeString = true;
    else return null;
  }
  if (freeString) return { kind: "string", ...(typeof def === "string" ? { default: def } : {}) };
  const i = values.indexOf(def);
  return { kind: "enum", options, values, ...(i >= 0 ? { default: options[i] } : {}) };
}

function variantOf(path: readonly string[], o: Json): { tags: string[]; fields: FieldModel[] } | null {
  if (o.type !== "object") return null;
  const props = (o.properties ?? {}) as Record<string, Json>;
  const tag = props.type;
  const tags = tag ? (enumOf(tag) ?? null) : null;
  if (!tags) return null;
  const required = new Set((o.required ?? []) as string[]);
  const fields = Object.entries(props)
    .filter(([k]) => k !== "type")
    .map(([k, p]) => fieldOf(k, [...path, k], p, !required.has(k)));
  return { tags, fields };
}

function enumOf(s: Json): string[] | null {
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string")) return s.enum as string[];
  if (typeof s.const === "string") return [s.const];
  return null;
}

function bound<K extends string>(name: K, v: unknown): Partial<Record<K, number>> {
  return typeof v === "number" ? ({ [name]: v } as Record<K, number>) : {};
}

/** The variant of a union whose tags include `tag` (the default's when the value has none). */
export function variantFor(field: UnionField, tag: unknown) {
  return field.variants.find((v) => v.tags.includes(String(tag ?? field.default)));
}

/** "must be an integer >= 1 and <= 65536", or null when the number fits the field. */
export function numberProblem(field: NumberField, value: number | null): string | null {
  if (value === null) return field.nullable || field.optional ? null : "must be a number";
  const parts: string[] = [];
  if (field.min !== undefined) parts.push(`>= ${field.min}`);
  if (field.gt !== undefined) parts.push(`> ${field.gt}`);
  if (field.max !== undefined) parts.push(`<= ${field.max}`);
  if (field.lt !== undefined) parts.push(`< ${field.lt}`);
  const ok =
    Number.isFinite(value) &&
    (!field.integer || Number.isInteger(value)) &&
    (field.min === undefined || value >= field.min) &&
    (field.gt === undefined || value > field.gt) &&
    (field.max === undefined || value <= field.max) &&
    (field.lt === undefined || value < field.lt);
  if (ok) return null;
  return `must be ${field.integer ? "an integer" : "a number"}${parts.length ? ` ${parts.join(" and ")}` : ""}; received ${value}`;
}

/** Reads a value at a path of plain objects (undefined where a step is missing). */
export function getIn(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** A copy of `root` with the value at `path` replaced (undefined removes the key), sharing the rest. */
export function setIn<T>(root: T, path: readonly string[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path;
  const obj = root !== null && typeof root === "object" ? (root as Record<string, unknown>) : {};
  const next = { ...obj };
  const inner = setIn(obj[k], rest, value);
  if (inner === undefined) delete next[k];
  else next[k] = inner;
  return next as T;
}

/** "batchSize" -> "Batch size", "val_loss" -> "Val loss". */
export function humanize(key: string): string {
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
