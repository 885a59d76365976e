import { describe, expect, it } from "vitest";
import type { Shape } from "../shapes/shape";
import { runLayer, shapeErrorOf, specOf } from "./__fixtures__/run-layer";
import { TiledConv2D } from "./conv-tiled";
import { Conv2D, Conv2DTranspose } from "./convolutional";
import { resolveParams } from "./resolve";

/** Runs a catalog layer, by kind, on one input. */
const run = (kind: string, raw: Record<string, unknown>, input: Shape) => runLayer(specOf(kind), raw, [input]);

/** Runs a chain of single-input layers; returns the last shape and the total trainable count. */
function chain(input: Shape, layers: [string, Record<string, unknown>][]) {
  let shape = input;
  let trainable = 0;
  const shapes: Shape[] = [];
  for (const [kind, p] of layers) {
    const r = run(kind, p, shape);
    shape = r.outputs[0] as Shape;
    trainable += r.trainable;
    shapes.push(shape);
  }
  return { shape, trainable, shapes };
}

const conv = (filters: number, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  "Conv2D",
  { filters, kernelSize: 3, activation: "relu", ...extra },
];

describe("shape errors", () => {
  it.each(["Conv2D", "Conv2DTranspose", "DepthwiseConv2D", "SeparableConv2D", "TiledConv2D"])(
    "%s wants rank 3 (H, W, C)",
    (kind) => {
      const e = shapeErrorOf(() => run(kind, {}, [784]));
      expect(e.code).toBe("E_RANK");
      expect(e.message).toContain(`${kind} expects input of rank 3`);
      expect(e.message).toContain("received rank 1 [784]");
    },
  );

  it("Conv1D wants rank 2 (steps, channels)", () => {
    const e = shapeErrorOf(() => run("Conv1D", {}, [28, 28, 1]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("rank 2");
  });

  it.each(["Conv1D", "Conv2D", "Conv2DTranspose", "DepthwiseConv2D", "SeparableConv2D", "TiledConv2D"])(
    "%s needs a known channel count",
    (kind) => {
      const input = kind === "Conv1D" ? [10, null] : [8, 8, null];
      const e = shapeErrorOf(() => run(kind, { kernelSize: 1 }, input));
      expect(e.code).toBe("E_UNDEFINED_DIM");
      expect(e.message).toContain("channel dimension");
    },
  );

  it("a kernel larger than the input is a non-positive size, listing every input of the size", () => {
    const e = shapeErrorOf(() => run("Conv2D", { filters: 2, kernelSize: 5 }, [3, 3, 3]));
    expect(e.code).toBe("E_NONPOSITIVE_SIZE");
    for (const part of [
      "output size would be -1",
      "input height 3",
      "kernel 5",
      "stride 1",
      "dilation 1",
      "padding valid",
      "[3,3,3]",
    ]) {
      expect(e.message).toContain(part);
    }
  });

  it("dilation can make the window too large", () => {
    const e = shapeErrorOf(() => run("Conv2D", { filters: 1, kernelSize: 3, dilationRate: [1, 4] }, [9, 8, 1]));
    expect(e.code).toBe("E_NONPOSITIVE_SIZE");
    expect(e.message).toContain("input width 8");
    expect(e.message).toContain("dilation 4");
  });

  it("Conv1D reports the steps axis; same and causal padding never shrink to zero", () => {
    const e = shapeErrorOf(() => run("Conv1D", { kernelSize: 4 }, [3, 2]));
    expect(e.message).toContain("input steps 3");
    expect(run("Conv1D", { kernelSize: 4, padding: "causal" }, [3, 2]).outputs).toEqual([[3, 32]]);
    expect(run("Conv1D", { kernelSize: 4, padding: "same" }, [3, 2]).outputs).toEqual([[3, 32]]);
  });

  it.each(["DepthwiseConv2D", "SeparableConv2D", "TiledConv2D"])("%s reports a non-positive size", (kind) => {
    expect(shapeErrorOf(() => run(kind, { kernelSize: 7 }, [5, 5, 3])).code).toBe("E_NONPOSITIVE_SIZE");
  });
});

describe("check(): strides > 1 with dilationRate > 1 (Keras)", () => {
  it.each(["Conv1D", "Conv2D", "DepthwiseConv2D", "SeparableConv2D"])("%s rejects the pair", (kind) => {
    const { issues } = resolveParams(specOf(kind), { strides: 2, dilationRate: 2 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.param).toBe("strides");
    expect(issues[0]?.message).toContain("not supported together with dilationRate > 1");
    expect(issues[0]?.message).toContain(kind === "Conv1D" ? "strides=[2] with dilationRate=[2]" : "strides=[2,2]");
  });

  it("accepts either alone, and strides > 1 on one axis with dilation on the other is still rejected", () => {
    expect(resolveParams(Conv2D, { strides: 2 }).issues).toEqual([]);
    expect(resolveParams(Conv2D, { dilationRate: 2 }).issues).toEqual([]);
    expect(resolveParams(Conv2D, { strides: [2, 1], dilationRate: [1, 2] }).issues).toHaveLength(1);
  });

  it("Conv2D params: defaults as the brief and bounds", () => {
    const { params } = resolveParams(Conv2D, {});
    expect(params).toMatchObject({
      filters: 32,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: "valid",
      dilationRate: [1, 1],
    });
    expect(resolveParams(Conv2D, { filters: 0 }).issues[0]?.param).toBe("filters");
    expect(resolveParams(Conv2D, { padding: "causal" }).issues[0]?.param).toBe("padding");
    expect(resolveParams(Conv2D, { kernelSize: [3, 3, 3] }).issues[0]?.param).toBe("kernelSize");
  });
});

describe("weights", () => {
  it("Conv2D: kernel [kh, kw, C_in, filters] and bias [filters]", () => {
    const r = run("Conv2D", { filters: 12, kernelSize: [3, 5] }, [32, 32, 3]);
    expect(r.weights.map((w) => [w.name, w.shape])).toEqual([
      ["kernel", [3, 5, 3, 12]],
      ["bias", [12]],
    ]);
  });

  it("Conv2DTranspose stores the kernel transposed: [kh, kw, filters, C_in]", () => {
    const r = run("Conv2DTranspose", { filters: 32, kernelSize: 3 }, [7, 7, 64]);
    expect(r.weights[0]?.shape).toEqual([3, 3, 32, 64]);
  });

  it("SeparableConv2D: depthwise, pointwise 1x1 and bias", () => {
    const r = run("SeparableConv2D", { filters: 5, depthMultiplier: 2 }, [9, 9, 3]);
    expect(r.weights.map((w) => w.shape)).toEqual([[3, 3, 3, 2], [1, 1, 6, 5], [5]]);
  });

  it("TiledConv2D: kernel [t, t, kh, kw, C_in, filters]; t = 1 has Conv2D's count", () => {
    const r = run("TiledConv2D", { filters: 8, kernelSize: [3, 5], tiles: 3 }, [20, 20, 4]);
    expect(r.weights[0]?.shape).toEqual([3, 3, 3, 5, 4, 8]);
    for (const [filters, k, c] of [
      [1, 1, 1],
      [12, 3, 3],
      [7, 5, 2],
    ] as const) {
      const tiled = run("TiledConv2D", { filters, kernelSize: k, tiles: 1 }, [9, 9, c]);
      const plain = run("Conv2D", { filters, kernelSize: k }, [9, 9, c]);
      expect(tiled.trainable).toBe(plain.trainable);
      expect(tiled.outputs).toEqual(plain.outputs);
    }
    expect(resolveParams(TiledConv2D, { tiles: 0 }).issues[0]?.param).toBe("tiles");
  });
});

describe("golden pipelines", () => {
  it("D13: 32x32x3 -> conv 12 same -> 32x32x12 -> maxpool 2 s2 -> 16x16x12", () => {
    const r = chain([32, 32, 3], [conv(12, { padding: "same" }), ["MaxPooling2D", { poolSize: 2, strides: 2 }]]);
    expect(r.shapes).toEqual([
      [32, 32, 12],
      [16, 16, 12],
    ]);
    expect(r.trainable).toBe(336);
  });

  it("D24: denoising conv AE 28 -> 14 -> 7 (code 7x7x32) -> 14 -> 28, 28,353 params", () => {
    const same = { padding: "same" };
    const r = chain(
      [28, 28, 1],
      [
        conv(32, same),
        ["MaxPooling2D", same],
        conv(32, same),
        ["MaxPooling2D", same],
        conv(32, same),
        ["UpSampling2D", {}],
        conv(32, same),
        ["UpSampling2D", {}],
        ["Conv2D", { filters: 1, kernelSize: 3, activation: "sigmoid", padding: "same" }],
      ],
    );
    expect(r.shapes[3]).toEqual([7, 7, 32]);
    expect(r.shape).toEqual([28, 28, 1]);
    expect(r.trainable).toBe(320 + 9248 * 3 + 289);
    expect(r.trainable).toBe(28_353);
  });

  it("T5: 64x64x3 -> 62x62x32 -> 31x31x32 -> 29x29x64 -> 14x14x64 -> 12,544", () => {
    const r = chain([64, 64, 3], [conv(32), ["MaxPooling2D", {}], conv(64), ["MaxPooling2D", {}], ["Flatten", {}]]);
    expect(r.shapes).toEqual([[62, 62, 32], [31, 31, 32], [29, 29, 64], [14, 14, 64], [12_544]]);
  });

  it("T6: 32x32x3 -> conv16 -> pool -> conv16 -> pool", () => {
    const r = chain([32, 32, 3], [conv(16), ["MaxPooling2D", {}], conv(16), ["MaxPooling2D", {}]]);
    expect(r.shapes).toEqual([
      [30, 30, 16],
      [15, 15, 16],
      [13, 13, 16],
      [6, 6, 16],
    ]);
    expect(r.trainable).toBe(448 + 2320);
  });

  it("LeNet-5: C1 156, C3 2,416, C5 48,120, F6 10,164, output 850", () => {
    const tanh = { kernelSize: 5, activation: "tanh" };
    const steps: [string, Record<string, unknown>][] = [
      ["Conv2D", { filters: 6, ...tanh }],
      ["AveragePooling2D", {}],
      ["Conv2D", { filters: 16, ...tanh }],
      ["AveragePooling2D", {}],
      ["Conv2D", { filters: 120, ...tanh }],
      ["Flatten", {}],
      ["Dense", { units: 84, activation: "tanh" }],
      ["Dense", { units: 10, activation: "softmax" }],
    ];
    const r = chain([32, 32, 1], steps);
    expect(r.shapes).toEqual([[28, 28, 6], [14, 14, 6], [10, 10, 16], [5, 5, 16], [1, 1, 120], [120], [84], [10]]);
    let shape: Shape = [32, 32, 1];
    const counts = steps.map(([kind, p]) => {
      const s = run(kind, p, shape);
      shape = s.outputs[0] as Shape;
      return s.trainable;
    });
    expect(counts).toEqual([156, 0, 2416, 0, 48_120, 0, 10_164, 850]);
  });

  it("a causal Conv1D stack (WaveNet dilations 1, 2, 4, 8) keeps the length", () => {
    const r = chain(
      [null, 1],
      [1, 2, 4, 8].map((d) => ["Conv1D", { filters: 16, kernelSize: 2, padding: "causal", dilationRate: d }]),
    );
    expect(r.shape).toEqual([null, 16]);
    expect(r.trainable).toBe(2 * 1 * 16 + 16 + 3 * (2 * 16 * 16 + 16));
  });
});

describe("docs and labels", () => {
  it("Conv2D's notes correct the notes' size formula and name cross-correlation", () => {
    const notes = (Conv2D.doc.notes ?? []).join(" ");
    expect(notes).toContain("floor((I - F + 2P)/S) + 1");
    expect(notes).toContain("cross-correlation");
    expect(notes).toContain("translation only");
  });

  it("Conv2DTranspose's notes say which D15 case tfjs cannot express", () => {
    expect((Conv2DTranspose.doc.notes ?? []).join(" ")).toContain("i=3, k=3, s=2, p=1 gives 5");
  });

  it("labels show the key params", () => {
    const label = (raw: Record<string, unknown>) => Conv2D.label(resolveParams(Conv2D, raw).params as never);
    expect(label({ filters: 32, padding: "same", activation: "relu" })).toBe("32 3x3 s1 same relu");
    expect(label({ filters: 8, kernelSize: [1, 7], strides: [1, 2] })).toBe("8 1x7 s1x2 valid");
    expect(label({ filters: 8, dilationRate: 2 })).toBe("8 3x3 s1 valid d2");
    expect(TiledConv2D.label(resolveParams(TiledConv2D, {}).params as never)).toBe("32 t2 3x3 s1 valid");
  });
});
