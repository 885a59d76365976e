import {
  AttributeField,
  AttributeType,
  DataType,
  type DataTypeCode,
  DimensionField,
  GraphField,
  IR_VERSION,
  ML_DOMAIN,
  ML_OPSET_VERSION,
  ModelField,
  NodeField,
  OPSET_VERSION,
  OperatorSetIdField,
  StringStringEntryField,
  TensorField,
  TensorShapeField,
  TypeField,
  TypeTensorField,
  ValueInfoField,
} from "./proto";
import { float32Bytes, float64Bytes, int64Bytes, ProtoWriter, utf8 } from "./wire";

/**
 * An ONNX ModelProto as plain data, and its serializer. Fields are written in field-number order
 * (see wire.ts). Initializers are not listed as graph inputs: IR >= 4 allows that, and it keeps
 * them constant for runtimes that fold constants.
 */

/** A dimension: a size, or a symbolic name (the batch is "N"). */
export type Dim = number | string;

export interface ValueInfo {
  name: string;
  elemType: DataTypeCode;
  dims: Dim[];
}

export type Attribute =
  | { type: "float"; value: number }
  | { type: "int"; value: number }
  | { type: "string"; value: string }
  | { type: "floats"; value: readonly number[] }
  | { type: "ints"; value: readonly number[] }
  | { type: "strings"; value: readonly string[] };

/** Typed attribute constructors: `{ alpha: attr.f(0.3), axis: attr.i(-1) }`. */
export const attr = {
  f: (value: number): Attribute => ({ type: "float", value }),
  i: (value: number): Attribute => ({ type: "int", value }),
  s: (value: string): Attribute => ({ type: "string", value }),
  fs: (value: readonly number[]): Attribute => ({ type: "floats", value }),
  is: (value: readonly number[]): Attribute => ({ type: "ints", value }),
  ss: (value: readonly string[]): Attribute => ({ type: "strings", value }),
};

export interface NodeDef {
  opType: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes: Record<string, Attribute>;
  /** The operator's domain; absent = the default ONNX domain ("ai.onnx"). */
  domain?: string;
}

export interface TensorDef {
  name: string;
  dims: number[];
  elemType: DataTypeCode;
  /** Little-endian bytes, as `raw_data` stores them (empty for a string tensor). */
  raw: Uint8Array;
  /** A string tensor's elements (`string_data`; strings have no raw form). */
  strings?: readonly string[];
}

export interface ModelDef {
  graphName: string;
  producerName: string;
  producerVersion: string;
  docString?: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: NodeDef[];
  initializers: TensorDef[];
  metadata: Record<string, string>;
}

export function floatTensor(name: string, dims: number[], data: ArrayLike<number>): TensorDef {
  const n = dims.reduce((a, b) => a * b, 1);
  if (data.length !== n) throw new Error(`tensor ${name}: ${data.length} values for dims [${dims}]`);
  return { name, dims, elemType: DataType.FLOAT, raw: float32Bytes(data) };
}

/** A string constant (class names for a label output, say). */
export function stringTensor(name: string, dims: number[], data: readonly string[]): TensorDef {
  const n = dims.reduce((a, b) => a * b, 1);
  if (data.length !== n) throw new Error(`tensor ${name}: ${data.length} strings for dims [${dims}]`);
  return { name, dims, elemType: DataType.STRING, raw: new Uint8Array(0), strings: [...data] };
}

export function int64Tensor(name: string, dims: number[], data: readonly number[]): TensorDef {
  return { name, dims, elemType: DataType.INT64, raw: int64Bytes(data) };
}

/** A double constant: table statistics are fitted in float64, and a date's center needs it. */
export function doubleTensor(name: string, dims: number[], data: readonly number[]): TensorDef {
  return { name, dims, elemType: DataType.DOUBLE, raw: float64Bytes(data) };
}

/** Serializes a model: IR version 8, default-domain opset 17 (and ai.onnx.ml 3 when a node uses it). */
export function encodeModel(m: ModelDef): Uint8Array {
  const w = new ProtoWriter(1024);
  w.int64(ModelField.irVersion, IR_VERSION);
  w.string(ModelField.producerName, m.producerName);
  w.string(ModelField.producerVersion, m.producerVersion);
  if (m.docString) w.string(ModelField.docString, m.docString);
  w.message(ModelField.graph, (g) => writeGraph(g, m));
  w.message(ModelField.opsetImport, (o) => {
    o.string(OperatorSetIdField.domain, "");
    o.int64(OperatorSetIdField.version, OPSET_VERSION);
  });
  if (m.nodes.some((n) => n.domain === ML_DOMAIN)) {
    w.message(ModelField.opsetImport, (o) => {
      o.string(OperatorSetIdField.domain, ML_DOMAIN);
      o.int64(OperatorSetIdField.version, ML_OPSET_VERSION);
    });
  }
  for (const [key, value] of Object.entries(m.metadata)) {
    w.message(ModelField.metadataProps, (e) => {
      e.string(StringStringEntryField.key, key);
      e.string(StringStringEntryField.value, value);
    });
  }
  return w.bytes().slice();
}

function writeGraph(w: ProtoWriter, m: ModelDef): void {
  for (const n of m.nodes) w.message(GraphField.node, (x) => writeNode(x, n));
  w.string(GraphField.name, m.graphName);
  for (const t of m.initializers) w.message(GraphField.initializer, (x) => writeTensor(x, t));
  for (const v of m.inputs) w.message(GraphField.input, (x) => writeValueInfo(x, v));
  for (const v of m.outputs) w.message(GraphField.output, (x) => writeValueInfo(x, v));
}

function writeNode(w: ProtoWriter, n: NodeDef): void {
  for (const i of n.inputs) w.string(NodeField.input, i);
  for (const o of n.outputs) w.string(NodeField.output, o);
  w.string(NodeField.name, n.name);
  w.string(NodeField.opType, n.opType);
  for (const [name, a] of Object.entries(n.attributes))
    w.message(NodeField.attribute, (x) => writeAttribute(x, name, a));
  if (n.domain) w.string(NodeField.domain, n.domain);
}

/** Repeated scalars of AttributeProto are unpacked (proto2): one tag per element. */
function writeAttribute(w: ProtoWriter, name: string, a: Attribute): void {
  w.string(AttributeField.name, name);
  switch (a.type) {
    case "float":
      w.float(AttributeField.f, a.value);
      w.int64(AttributeField.type, AttributeType.FLOAT);
      return;
    case "int":
      w.int64(AttributeField.i, a.value);
      w.int64(AttributeField.type, AttributeType.INT);
      return;
    case "string":
      w.bytesField(AttributeField.s, utf8(a.value));
      w.int64(AttributeField.type, AttributeType.STRING);
      return;
    case "floats":
      for (const v of a.value) w.float(AttributeField.floats, v);
      w.int64(AttributeField.type, AttributeType.FLOATS);
      return;
    case "ints":
      for (const v of a.value) w.int64(AttributeField.ints, v);
      w.int64(AttributeField.type, AttributeType.INTS);
      return;
    case "strings":
      for (const v of a.value) w.bytesField(AttributeField.strings, utf8(v));
      w.int64(AttributeField.type, AttributeType.STRINGS);
      return;
  }
}

function writeTensor(w: ProtoWriter, t: TensorDef): void {
  for (const d of t.dims) w.int64(TensorField.dims, d);
  w.int64(TensorField.dataType, t.elemType);
  for (const v of t.strings ?? []) w.bytesField(TensorField.stringData, utf8(v));
  w.string(TensorField.name, t.name);
  if (!t.strings) w.bytesField(TensorField.rawData, t.raw);
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(ValueInfoField.name, v.name);
  w.message(ValueInfoField.type, (tp) =>
    tp.message(TypeField.tensorType, (tt) => {
      tt.int64(TypeTensorField.elemType, v.elemType);
      tt.message(TypeTensorField.shape, (s) => {
        for (const d of v.dims) {
          s.message(TensorShapeField.dim, (x) => {
            if (typeof d === "number") x.int64(DimensionField.dimValue, d);
            else x.string(DimensionField.dimParam, d);
          });
        }
      });
    }),
  );
}
