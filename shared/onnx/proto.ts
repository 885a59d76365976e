/**
 * Field numbers and enums of the ONNX protobuf messages NetForge writes.
 *
 * Checked against onnx.proto of ONNX 1.12.0 as shipped by Debian's python3-onnx 1.12.0-2+b4
 * (/usr/lib/python3/dist-packages/onnx/onnx.proto, sha256 a96f50c0fe1ff918...45182, proto2 syntax).
 * "Reference: onnx.proto#Lnnn" below points at that file. proto2 matters for the wire format: a
 * `repeated` scalar is written unpacked unless the field says `[packed = true]`.
 */

/** Protobuf wire types (protobuf encoding guide, "Message Structure"). */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, I32: 5 } as const;

/** Reference: onnx.proto#L104 (`IR_VERSION = 0x0000000000000008`, the newest onnx 1.12 knows). */
export const IR_VERSION = 8;
/** The newest opset python3-onnx 1.12's checker really validates (see shared/probes/onnx-export.md §3). */
export const OPSET_VERSION = 17;

/**
 * The ai.onnx.ml domain (LabelEncoder and the other classic-ML ops sklearn-onnx uses) at the
 * version onnx 1.12 knows; imported only by files that use one of its ops.
 */
export const ML_DOMAIN = "ai.onnx.ml";
export const ML_OPSET_VERSION = 3;

/** Reference: onnx.proto#L340 ModelProto. */
export const ModelField = {
  irVersion: 1, // int64, #L343
  producerName: 2, // string, #L358
  producerVersion: 3, // string, #L363
  domain: 4, // string, #L371
  modelVersion: 5, // int64, #L374
  docString: 6, // string, #L377
  graph: 7, // GraphProto, #L380
  opsetImport: 8, // repeated OperatorSetIdProto, #L353
  metadataProps: 14, // repeated StringStringEntryProto, #L383
} as const;

/** Reference: onnx.proto#L744 OperatorSetIdProto. */
export const OperatorSetIdField = { domain: 1, version: 2 } as const;

/** Reference: onnx.proto#L417 StringStringEntryProto. */
export const StringStringEntryField = { key: 1, value: 2 } as const;

/** Reference: onnx.proto#L439 GraphProto. */
export const GraphField = {
  node: 1, // #L441
  name: 2, // #L444
  initializer: 5, // #L450
  docString: 10, // #L456
  input: 11, // #L459
  output: 12, // #L460
  valueInfo: 13, // #L464
} as const;

/** Reference: onnx.proto#L196 NodeProto. */
export const NodeField = {
  input: 1, // #L197
  output: 2, // #L198
  name: 3, // #L202
  opType: 4, // #L205
  attribute: 5, // #L210
  docString: 6, // #L213
  domain: 7, // #L207
} as const;

/** Reference: onnx.proto#L114 AttributeProto. `floats` and `ints` are unpacked (proto2 default). */
export const AttributeField = {
  name: 1, // #L138
  f: 2, // float, #L158
  i: 3, // int64, #L159
  s: 4, // bytes, #L160
  t: 5, // TensorProto, #L161
  floats: 7, // #L168
  ints: 8, // #L169
  strings: 9, // #L170
  docString: 13, // #L147
  type: 20, // AttributeType, #L155
} as const;

/** Reference: onnx.proto#L118 AttributeProto.AttributeType. */
export const AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

/**
 * Reference: onnx.proto#L479 TensorProto. `dims` is unpacked (#L512); the typed `*_data` fields are
 * `[packed = true]` (#L539, #L546, #L557); NetForge writes little-endian `raw_data` (#L580).
 */
export const TensorField = {
  dims: 1,
  dataType: 2,
  floatData: 4,
  int32Data: 5,
  stringData: 6,
  int64Data: 7,
  name: 8,
  rawData: 9,
  docString: 12,
  doubleData: 10,
} as const;

/** Reference: onnx.proto#L480 TensorProto.DataType. */
export const DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
} as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** Reference: onnx.proto#L179 ValueInfoProto. */
export const ValueInfoField = { name: 1, type: 2, docString: 3 } as const;

/** Reference: onnx.proto#L665 TypeProto; only the tensor case (oneof `value`, #L710) is written. */
export const TypeField = { tensorType: 1, denotation: 6 } as const;

/** Reference: onnx.proto#L667 TypeProto.Tensor. */
export const TypeTensorField = { elemType: 1, shape: 2 } as const;

/** Reference: onnx.proto#L646 TensorShapeProto and its Dimension (#L647, oneof #L648). */
export const TensorShapeField = { dim: 1 } as const;
export const DimensionField = { dimValue: 1, dimParam: 2, denotation: 3 } as const;
