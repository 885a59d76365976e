import { describe, expect, it } from "vitest";
import { type ActivationOpts, erf, geluTanh, SELU_ALPHA, SELU_SCALE, sigmoid } from "./activation-math";
import { ACTIVATION_NAMES, ACTIVATIONS, type ElementwiseActivationInfo, sampleCurve } from "./activations";

const elementwise = ACTIVATION_NAMES.filter((n) => n !== "softmax").map((n) => [n, ACTIVATIONS[n]] as const) as [
  string,
  ElementwiseActivationInfo,
][];

/**
 * Largest gap between df and a central finite difference of f on [-8, 8], skipping points within
 * 1e-3 of a kink. Returns the worst point so a failure says where.
 */
function derivativeError(info: ElementwiseActivationInfo, opts?: ActivationOpts) {
  const h = 1e-5;
  const kinks = info.kinks(opts);
  let worst = { x: Number.NaN, error: 0 };
  for (let x = -8; x <= 8; x += 0.0371) {
    if (kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
    const numeric = (info.f(x + h, opts) - info.f(x - h, opts)) / (2 * h);
    const error = Math.abs(numeric - info.df(x, opts)) / Math.max(1, Math.abs(numeric));
    if (error > worst.error) worst = { x, error };
  }
  return worst;
}

describe("activation catalog", () => {
  it("documents every activation", () => {
    for (const name of ACTIVATION_NAMES) {
      const a = ACTIVATIONS[name];
      for (const text of [a.title, a.formula, a.derivative, a.range, a.whenToUse])
        expect(text.length).toBeGreaterThan(0);
      expect(a.vectorValued).toBe(name === "softmax");
    }
  });

  it("keeps the notes' defaults for the parametric activations", () => {
    const defaults = Object.fromEntries(
      ACTIVATION_NAMES.flatMap((n) => ACTIVATIONS[n].params.map((p) => [`${n}.${p.name}`, p.default])),
    );
    expect(defaults).toEqual({
      "step.threshold": 0,
      "sigmoid.lambda": 1,
      "bipolarSigmoid.lambda": 1,
      "leakyRelu.alpha": 0.01,
      "elu.alpha": 1,
    });
  });
});

describe("derivatives match finite differences", () => {
  it.each(elementwise)("%s with default constants", (_, info) => {
    expect(derivativeError(info).error).toBeLessThan(1e-6);
  });

  it.each(elementwise)("%s with non-default constants", (_, info) => {
    expect(derivativeError(info, { alpha: 0.3, lambda: 2.5, threshold: 0.7 }).error).toBeLessThan(1e-6);
  });

  it("the check catches a wrong derivative", () => {
    const wrong = {
      ...ACTIVATIONS.sigmoid,
      df: (x: number) => sigmoid(x) * (1 - sigmoid(x)),
    };
    expect(derivativeError(wrong, { lambda: 2 }).error).toBeGreaterThan(0.1);
    const swishAsSigmoid = { ...ACTIVATIONS.swish, df: sigmoid };
    expect(derivativeError(swishAsSigmoid).error).toBeGreaterThan(0.1);
  });

  it("uses tfjs' gradient convention at the kinks", () => {
    expect(ACTIVATIONS.relu.df(0)).toBe(0);
    expect(ACTIVATIONS.relu6.df(6)).toBe(0);
    expect(ACTIVATIONS.leakyRelu.df(0)).toBe(0.01);
    expect(ACTIVATIONS.hardSigmoid.df(2.5)).toBe(0.2);
    expect(ACTIVATIONS.elu.df(0)).toBe(1);
  });
});

describe("golden cases", () => {
  it("G-3 softmax([5, 4, -1]) = [0.72974, 0.26845, 0.00181]", () => {
    const s = ACTIVATIONS.softmax.f([5, 4, -1]);
    for (const [i, v] of [0.72974, 0.26845, 0.00181].entries()) expect(s[i]).toBeCloseTo(v, 5);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("softmax is stable for large logits and its Jacobian rows sum to 0", () => {
    expect(ACTIVATIONS.softmax.f([1000, 1000])).toEqual([0.5, 0.5]);
    const v = [0.3, -1.2, 2];
    for (const row of ACTIVATIONS.softmax.jacobian(v)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    const diag = ACTIVATIONS.softmax.jacobian(v).map((row, i) => row[i]);
    for (const [i, d] of ACTIVATIONS.softmax.df(v).entries()) expect(d).toBeCloseTo(diag[i], 12);
  });

  it("G-5 ReLU([[5, -10], [-3, 7]]) = [[5, 0], [0, 7]]", () => {
    const out = [
      [5, -10],
      [-3, 7],
    ].map((row) => row.map((x) => ACTIVATIONS.relu.f(x)));
    expect(out).toEqual([
      [5, 0],
      [0, 7],
    ]);
  });

  it("G-11 sigmoid(0) = 0.5 and the largest derivative is 0.25, at 0", () => {
    expect(ACTIVATIONS.sigmoid.f(0)).toBe(0.5);
    expect(ACTIVATIONS.sigmoid.df(0)).toBe(0.25);
    const { x, df } = sampleCurve("sigmoid", -10, 10, 2001);
    const max = Math.max(...df);
    expect(max).toBe(0.25);
    expect(x[df.indexOf(max)]).toBeCloseTo(0, 12);
  });

  it("G-13 leaky ReLU with slope 0.01: f(-2) = -0.02 and f'(z < 0) = 0.01", () => {
    expect(ACTIVATIONS.leakyRelu.f(-2)).toBeCloseTo(-0.02, 12);
    expect(ACTIVATIONS.leakyRelu.df(-2)).toBe(0.01);
    expect(ACTIVATIONS.leakyRelu.df(-50)).toBe(0.01);
    expect(ACTIVATIONS.leakyRelu.f(-2, { alpha: 0.3 })).toBeCloseTo(-0.6, 12);
  });

  it("G-24 tanh, ELU and swish values", () => {
    expect(ACTIVATIONS.tanh.f(0.5)).toBeCloseTo(0.462117, 6);
    expect(ACTIVATIONS.tanh.f(1)).toBeCloseTo(0.761594, 6);
    expect(ACTIVATIONS.elu.f(-1)).toBeCloseTo(-0.632121, 6);
    expect(ACTIVATIONS.elu.f(-2)).toBeCloseTo(-0.864665, 6);
    expect(ACTIVATIONS.swish.f(1)).toBeCloseTo(0.731059, 6);
    expect(ACTIVATIONS.swish.f(-1)).toBeCloseTo(-0.268941, 6);
    expect(ACTIVATIONS.swish.f(-2)).toBeCloseTo(-0.238406, 6);
  });

  it("D1 step: s = 1*0.8 + 7*0.1 + 5*0 = 1.5 fires; G-1's z = -0.5 does not", () => {
    const s = 1 * 0.8 + 7 * 0.1 + 5 * 0;
    expect(ACTIVATIONS.step.f(s)).toBe(1);
    expect(ACTIVATIONS.step.f(-0.5)).toBe(0);
    expect(ACTIVATIONS.step.f(0)).toBe(1);
    expect(ACTIVATIONS.step.f(0.5, { threshold: 1 })).toBe(0);
    expect(ACTIVATIONS.step.df(s)).toBe(0);
  });

  it("D2a sigmoid(y_in = 0.53) = 0.62948, not the notes' 0.625", () => {
    const yIn = 0.35 + 0.8 * 0.1 + 0.6 * 0.3 + 0.4 * -0.2;
    expect(yIn).toBeCloseTo(0.53, 12);
    const y = ACTIVATIONS.sigmoid.f(yIn);
    expect(y).toBeCloseTo(0.62948, 5);
    expect(Math.abs(y - 0.625)).toBeGreaterThan(0.004);
  });

  it("D2b bipolar sigmoid(0.53) = 0.25897 = tanh(0.53 / 2)", () => {
    expect(ACTIVATIONS.bipolarSigmoid.f(0.53)).toBeCloseTo(0.25897, 5);
    for (const [x, lambda] of [
      [0.53, 1],
      [-1.7, 3],
    ]) {
      expect(ACTIVATIONS.bipolarSigmoid.f(x, { lambda })).toBeCloseTo(Math.tanh((lambda * x) / 2), 12);
    }
  });

  it("D2c tanh(x) = 2 sigmoid(2x) - 1: tanh(0.7) = 0.604368", () => {
    expect(ACTIVATIONS.tanh.f(0.7)).toBeCloseTo(0.604368, 6);
    expect(2 * ACTIVATIONS.sigmoid.f(1.4) - 1).toBeCloseTo(ACTIVATIONS.tanh.f(0.7), 12);
  });
});

describe("definitions follow tfjs", () => {
  it("hardSigmoid is max(0, min(1, 0.2x + 0.5))", () => {
    expect([-3, -2.5, 0, 1, 2.5, 4].map((x) => ACTIVATIONS.hardSigmoid.f(x))).toEqual([0, 0, 0.5, 0.7, 1, 1]);
  });

  it("gelu is the erf form, within 5e-4 of the tanh approximation", () => {
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 14);
    expect(ACTIVATIONS.gelu.f(1)).toBeCloseTo(0.8413447460685429, 12);
    const { x, f } = sampleCurve("gelu", -6, 6, 1201);
    const gap = Math.max(...x.map((xi, i) => Math.abs(f[i] - geluTanh(xi))));
    expect(gap).toBeGreaterThan(1e-4);
    expect(gap).toBeLessThan(5e-4);
  });

  it("selu, mish, relu6 and softplus values", () => {
    expect(ACTIVATIONS.selu.f(1)).toBe(SELU_SCALE);
    expect(ACTIVATIONS.selu.f(-50)).toBeCloseTo(-SELU_SCALE * SELU_ALPHA, 12);
    expect(SELU_SCALE * SELU_ALPHA).toBeCloseTo(1.7580993408473766, 12);
    expect(ACTIVATIONS.mish.f(1)).toBeCloseTo(0.8650983882673103, 12);
    expect(ACTIVATIONS.relu6.f(7)).toBe(6);
    expect(ACTIVATIONS.softplus.f(1000)).toBe(1000);
    expect(ACTIVATIONS.softplus.f(0)).toBeCloseTo(Math.LN2, 14);
  });

  it("the documented minima of swish, mish and gelu hold", () => {
    const min = (name: "swish" | "mish" | "gelu") => Math.min(...sampleCurve(name, -3, 0, 30001).f);
    expect(min("swish")).toBeCloseTo(-0.2785, 4);
    expect(min("mish")).toBeCloseTo(-0.3088, 4);
    expect(min("gelu")).toBeCloseTo(-0.17, 4);
  });
});

describe("sampleCurve", () => {
  it("samples both ends and reports the kinks inside the range", () => {
    const c = sampleCurve("relu6", -1, 5, 7);
    expect(c.x).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    expect(c.f).toEqual([0, 0, 1, 2, 3, 4, 5]);
    expect(c.df).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(c.kinks).toEqual([0]);
    expect(sampleCurve("leakyRelu", -2, 2, 3, { alpha: 0.2 }).f).toEqual([-0.4, 0, 2]);
  });

  it("plots softmax as component 0 of softmax([x, 0]), which is sigmoid(x)", () => {
    const c = sampleCurve("softmax", -4, 4, 9);
    c.x.forEach((x, i) => {
      expect(c.f[i]).toBeCloseTo(sigmoid(x), 12);
      expect(c.df[i]).toBeCloseTo(ACTIVATIONS.sigmoid.df(x), 12);
    });
    expect(sampleCurve("softmax", 0, 0, 1, { others: [0, 0, 0] }).f).toEqual([0.25]);
  });
});
