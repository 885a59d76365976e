import { LAYERS } from "./catalog";
import { defaultParams, type ParamDef, type ParamDefs } from "./params";
import { type AnyLayerSpec, outputsOf, type PortSpec } from "./spec";

/** A spec as plain JSON: what `netforge layers --json` prints and a generated reference reads. */
export interface LayerDescription {
  kind: string;
  title: string;
  category: string;
  summary: string;
  aliases: readonly string[];
  inputs: PortSpec[];
  outputs: readonly string[];
  params: Record<string, ParamDef>;
  doc: AnyLayerSpec["doc"];
}

export function describeLayer(spec: AnyLayerSpec): LayerDescription {
  return {
    kind: spec.kind,
    title: spec.title,
    category: spec.category,
    summary: spec.doc.summary,
    aliases: spec.doc.aliases,
    inputs: spec.inputs.map((p) => ({ ...p })),
    outputs: outputsOf(spec, defaultParams(spec.params as ParamDefs)),
    params: structuredClone(spec.params as ParamDefs),
    doc: spec.doc,
  };
}

export function describeCatalog(): LayerDescription[] {
  return LAYERS.map((s) => describeLayer(s as AnyLayerSpec));
}

/** "int = 32 in [1, 1000000]", "one of valid|same = valid": a param's type, default and bounds. */
export function paramSummary(def: ParamDef): string {
  const dflt = ` = ${JSON.stringify(def.default)}`;
  switch (def.type) {
    case "int":
    case "float": {
      const ex = def.type === "float" ? def : { exclusiveMin: false, exclusiveMax: false };
      const lo = def.min === undefined ? "" : `${ex.exclusiveMin ? "(" : "["}${def.min}`;
      const hi = def.max === undefined ? "" : `${def.max}${ex.exclusiveMax ? ")" : "]"}`;
      const range = lo || hi ? ` in ${lo || "(-inf"}, ${hi || "inf)"}` : "";
      return `${def.type}${def.nullable ? "?" : ""}${dflt}${range}`;
    }
    case "enum":
      return `one of ${def.values.join("|")}${dflt}`;
    case "ints": {
      const len = typeof def.length === "number" ? `${def.length}` : `${def.length[0]}..${def.length[1]}`;
      return `int[${len}]${dflt}${def.min === undefined ? "" : ` each >= ${def.min}`}`;
    }
    case "bool":
      return `bool${dflt}`;
    case "regularizer":
      return `{l1, l2} or null${dflt}`;
    case "layer":
      return `layer (${def.kinds.join("|")})${dflt}`;
  }
}
