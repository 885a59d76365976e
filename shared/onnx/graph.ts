import {
  type Attribute,
  type Dim,
  doubleTensor,
  floatTensor,
  int64Tensor,
  type NodeDef,
  stringTensor,
  type TensorDef,
  type ValueInfo,
} from "./model";
import { DataType, type DataTypeCode, ML_DOMAIN } from "./proto";

/**
 * Where the channels of a rank >= 3 tensor sit inside the ONNX graph. tfjs is channels last
 * (NHWC); ONNX Conv/Pool want channels first (NCHW). A value stays in whichever layout its producer
 * made, and a consumer that needs the other one asks for it (tf2onnx reads data_format the same
 * way), so a Conv -> ReLU -> Pool chain needs no transposes in between.
 */
export type Layout = "channelsLast" | "channelsFirst";

/** A tensor in the ONNX graph under construction. `rank` counts the batch axis. */
export interface Value {
  name: string;
  rank: number;
  layout: Layout;
  elemType: DataTypeCode;
}

/** The perm that moves channels last -> first: [0, r-1, 1, ..., r-2]. */
export const toChannelsFirstPerm = (rank: number): number[] => [
  0,
  rank - 1,
  ...Array.from({ length: rank - 2 }, (_, i) => i + 1),
];

/** The perm that moves channels first -> last: [0, 2, ..., r-1, 1]. */
export const toChannelsLastPerm = (rank: number): number[] => [
  0,
  ...Array.from({ length: rank - 2 }, (_, i) => i + 2),
  1,
];

/** Nodes, initializers and unique names of the graph being emitted. */
export class OnnxGraph {
  readonly nodes: NodeDef[] = [];
  readonly initializers: TensorDef[] = [];
  readonly inputs: ValueInfo[] = [];
  private readonly used = new Set<string>();
  private readonly constants = new Map<string, string>();
  private readonly transposed = new Map<string, Value>();

  /** A graph-unique name: `base`, else `base_1`, `base_2`, ... */
  fresh(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Declares a graph input; returns its (unique) name. */
  addInput(base: string, elemType: DataTypeCode, dims: Dim[]): string {
    const name = this.fresh(base);
    this.inputs.push({ name, elemType, dims });
    return name;
  }

  /** Adds a node with `outputs` fresh outputs named after `base`; returns their names. */
  op(opType: string, inputs: string[], attributes: Record<string, Attribute>, base: string, outputs = 1): string[] {
    const names = Array.from({ length: outputs }, (_, i) => this.fresh(i === 0 ? base : `${base}_out${i}`));
    this.nodes.push({ opType, inputs, outputs: names, name: names[0], attributes });
    return names;
  }

  /** A single-output node. */
  op1(opType: string, inputs: string[], attributes: Record<string, Attribute>, base: string): string {
    return this.op(opType, inputs, attributes, base)[0];
  }

  /** A float initializer (a layer's weight, already in ONNX layout). */
  weight(base: string, dims: number[], data: ArrayLike<number>): string {
    const name = this.fresh(base);
    this.initializers.push(floatTensor(name, dims, data));
    return name;
  }

  /** A float scalar constant (rank 0), shared by every node that uses the same value. */
  scalar(value: number): string {
    const key = `f:${Math.fround(value)}`;
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.fresh(`const_${String(Math.fround(value)).replace(/[^0-9a-z]/gi, "_")}`);
    this.initializers.push(floatTensor(name, [], [value]));
    this.constants.set(key, name);
    return name;
  }

  /** A 1-D int64 constant (Reshape's shape input, say), shared like scalars. */
  int64s(values: readonly number[]): string {
    const key = `i:${values.join(",")}`;
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.fresh("shape");
    this.initializers.push(int64Tensor(name, [values.length], values));
    this.constants.set(key, name);
    return name;
  }

  /** A node of the ai.onnx.ml domain (LabelEncoder: a table's categories to codes). */
  mlOp1(opType: string, inputs: string[], attributes: Record<string, Attribute>, base: string): string {
    const name = this.op1(opType, inputs, attributes, base);
    (this.nodes.at(-1) as NodeDef).domain = ML_DOMAIN;
    return name;
  }

  /** A 1-D double constant (table statistics, fitted in float64), shared like scalars. */
  doubles(values: readonly number[]): string {
    return this.shared(`d:${values.join(",")}`, "doubles", (name) => doubleTensor(name, [values.length], values));
  }

  /** An int64 constant of any shape (a class-id range, say), shared like scalars. */
  int64Tensor(dims: number[], values: readonly number[]): string {
    return this.shared(`t:${dims.join("x")}:${values.join(",")}`, "ints", (name) => int64Tensor(name, dims, values));
  }

  /** A 1-D string constant (class names for a label output), named after `base`. */
  strings(base: string, values: readonly string[]): string {
    const name = this.fresh(base);
    this.initializers.push(stringTensor(name, [values.length], values));
    return name;
  }

  private shared(key: string, base: string, make: (name: string) => TensorDef): string {
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.fresh(base);
    this.initializers.push(make(name));
    this.constants.set(key, name);
    return name;
  }

  /**
   * The value in the wanted layout, transposing once per value (later consumers share it).
   * Rank < 3 has no channel axis to move; such values are always channels last.
   */
  toLayout(v: Value, layout: Layout): Value {
    if (v.layout === layout || v.rank < 3) return v;
    const key = `${v.name}>${layout}`;
    const cached = this.transposed.get(key);
    if (cached) return cached;
    const perm = layout === "channelsFirst" ? toChannelsFirstPerm(v.rank) : toChannelsLastPerm(v.rank);
    const base = `${v.name}/${layout === "channelsFirst" ? "to_nchw" : "to_nhwc"}`;
    const out: Value = {
      ...v,
      layout,
      name: this.op1("Transpose", [v.name], { perm: { type: "ints", value: perm } }, base),
    };
    this.transposed.set(key, out);
    return out;
  }

  /** Shorthand for a float value with the same rank and layout as `like`. */
  like(like: Value, name: string): Value {
    return { name, rank: like.rank, layout: like.layout, elemType: like.elemType };
  }
}

export const FLOAT = DataType.FLOAT;
