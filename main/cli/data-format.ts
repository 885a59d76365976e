import { z } from "zod";
import { DatasetSpecSchema } from "../../shared/datasets/spec";

/** The part of JSON Schema that zod's toJSONSchema emits for the dataset spec. */
interface Json {
  type?: string | string[];
  prefixItems?: Json[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Json[];
  oneOf?: Json[];
  items?: Json;
  properties?: Record<string, Json>;
  required?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
  $defs?: Record<string, Json>;
}

/**
 * The dataset spec's JSON format as text, generated from its zod schema (shared/datasets/spec.ts)
 * so that `netforge data --help` and the README cannot drift from what the readers accept.
 */
export function dataSpecFormat(): string {
  const root = z.toJSONSchema(DatasetSpecSchema, { io: "input", unrepresentable: "any" }) as Json;
  const props = root.properties ?? {};
  const out = [
    'A dataset spec is JSON: a project\'s "data", or a .json file given to --data.',
    '  { "source": { "kind": ..., ... }, "split": { ... } }',
    "Each field: `name: type, default value`; fields marked (required) have no default.",
  ];
  for (const source of props.source?.oneOf ?? []) {
    const kind = source.properties?.kind?.const;
    out.push("", `source, kind "${String(kind)}":`);
    out.push(...fields(source, "  ", root));
  }
  out.push("", "split (optional):", ...fields(props.split ?? {}, "  ", root));
  return `${out.join("\n")}\n`;
}

function fields(schema: Json, indent: string, root: Json): string[] {
  const lines: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const deflt = field.default === undefined ? "" : `, default ${JSON.stringify(field.default)}`;
    lines.push(`${indent}${name}: ${typeText(field, root)}${required.has(name) ? " (required)" : deflt}`);
    const inner = field.type === "array" ? field.items : field;
    if (inner?.type === "object" && inner.properties) lines.push(...fields(inner, `${indent}    `, root));
  }
  return lines;
}

function typeText(s: Json, root: Json, expanding: ReadonlySet<string> = new Set()): string {
  if (s.$ref) {
    // A recursive type (inline samples: numbers or nested lists of them) is spelled out once.
    if (expanding.has(s.$ref)) return "the same, nested";
    return typeText(root.$defs?.[s.$ref.split("/").at(-1) ?? ""] ?? {}, root, new Set([...expanding, s.$ref]));
  }
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeText(u, root, expanding)).join(" or ");
  if (Array.isArray(s.type)) return s.type.join(" or ");
  if (s.prefixItems) return `[${s.prefixItems.map((p) => typeText(p, root, expanding)).join(", ")}]`;
  switch (s.type) {
    case "array":
      return `list of ${s.items ? typeText(s.items, root, expanding) : "values"}${s.minItems ? ` (at least ${s.minItems})` : ""}`;
    case "object":
      return s.properties ? "object (fields below)" : "object";
    case "string":
      return s.maxLength === 1 && s.minLength === 1 ? "one character" : "string";
    case "integer":
    case "number":
      return `${s.type}${bounds(s)}`;
    case undefined:
      return "any JSON value";
    default:
      return s.type;
  }
}

function bounds(s: Json): string {
  const lo =
    s.exclusiveMinimum !== undefined ? `(${s.exclusiveMinimum}` : s.minimum !== undefined ? `[${s.minimum}` : null;
  const unbounded = s.maximum === Number.MAX_SAFE_INTEGER;
  const hi = unbounded
    ? null
    : s.exclusiveMaximum !== undefined
      ? `${s.exclusiveMaximum})`
      : s.maximum !== undefined
        ? `${s.maximum}]`
        : null;
  if (lo === null && hi === null) return "";
  if (hi === null) return ` ${lo?.startsWith("(") ? ">" : ">="} ${lo?.slice(1)}`;
  if (lo === null) return ` ${hi.endsWith(")") ? "<" : "<="} ${hi.slice(0, -1)}`;
  return ` in ${lo}, ${hi}`;
}
