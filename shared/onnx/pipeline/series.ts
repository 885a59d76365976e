import { onnxName } from "../export";
import type { OnnxGraph } from "../graph";
import { attr, type ValueInfo } from "../model";
import { DataType } from "../proto";
import { fmt, type Recorder } from "./describe";
import { expectDims, type Front } from "./front";
import { type Heads, passThrough } from "./heads";
import type { SeriesPreprocessing } from "./preprocessing";

/**
 * A forecaster on raw windows, as main/data/series/windows.ts windowSeries prepares them: the
 * window's raw values [N, lookback (+1 with differencing), F] in the features' order, first
 * differences along time, (x - offset) / scale per feature; behind the network the forecast back
 * in the target's units: y * scale + offset, and with differencing the last raw target value plus
 * the running sum of the forecast changes. Arithmetic in float64 like windows.ts.
 */
export function seriesPipeline(pre: SeriesPreprocessing, d: Recorder): { front: Front; heads: Heads } {
  const { lookback: L, horizon: H, differencing: diff, features, target } = pre;
  const F = features.length;
  const steps = L + (diff ? 1 : 0);
  const fi = features.findIndex((f) => f.name === target.name);
  const names = features.map((f) => f.name).join(", ");
  let last: string | null = null;
  const featureLine = `per feature: (x - offset) / scale with offset [${features.map((f) => fmt(f.offset))}], scale [${features.map((f) => fmt(f.scale))}]`;
  const forecastLine = `forecast: y * ${fmt(target.scale)} + ${fmt(target.offset)}${diff ? ", then the last raw value of the target plus the running sum over the horizon" : ""}`;
  const front: Front = {
    raw(g, _inputId, model) {
      expectDims(model, [L, F], "the series' windows");
      const dims = ["N", steps, F];
      const name = g.addInput("window", DataType.FLOAT, dims);
      d.input(
        { name, elemType: DataType.FLOAT, dims },
        `the last ${steps} raw values of each feature (${names}), oldest first${diff ? ` (lookback ${L} + 1: the model reads differences)` : ""}`,
        features.map((f) => f.name),
      );
      let x = g.op1("Cast", [name], { to: attr.i(DataType.DOUBLE) }, "window/double");
      if (diff) {
        const slice = (from: number, to: number, base: string) =>
          g.op1("Slice", [x, g.int64s([from]), g.int64s([to]), g.int64s([1])], {}, base);
        const later = slice(1, steps, "window/later");
        const earlier = slice(0, steps - 1, "window/earlier");
        x = g.op1("Sub", [later, earlier], {}, "window/differences");
        d.step("window: first differences along time (x[t] - x[t-1])");
        last = fi >= 0 ? lastTarget(g, name, steps, fi) : targetInput(g, target.name, d);
      }
      const offsets = g.doubles(features.map((f) => f.offset));
      const scales = g.doubles(features.map((f) => f.scale));
      const scaled = g.op1("Div", [g.op1("Sub", [x, offsets], {}, "window/center"), scales], {}, "window/scaled");
      d.step(featureLine);
      const out = g.op1("Cast", [scaled], { to: attr.i(DataType.FLOAT) }, "window/features");
      return { name: out, rank: 3, layout: "channelsLast", elemType: DataType.FLOAT };
    },
    bare(_inputId, model) {
      if (diff) d.step("window: first differences along time (x[t] - x[t-1]), lookback + 1 raw values");
      d.step(featureLine);
      d.transforms[model.name] = {
        kind: "timeSeries",
        formula: diff
          ? "model_input[t, f] = ((x[t+1, f] - x[t, f]) - offset[f]) / scale[f] over the last lookback + 1 raw steps"
          : "model_input[t, f] = (x[t, f] - offset[f]) / scale[f] over the last lookback raw steps",
        lookback: L,
        horizon: H,
        differencing: diff,
        features: features.map((f) => ({ name: f.name, offset: f.offset, scale: f.scale })),
        target: { name: target.name, offset: target.offset, scale: target.scale },
        output: diff
          ? "forecast[h] = last raw target + sum over k <= h of (y[k] * scale + offset)"
          : "forecast[h] = y[h] * scale + offset",
      };
    },
  };
  const heads: Heads = {
    raw(g, network) {
      if (network.length !== 1 || network[0].info.dims.length !== 2) return passThrough(network, d);
      const y = g.op1("Cast", [network[0].info.name], { to: attr.i(DataType.DOUBLE) }, "forecast/double");
      const scaled = g.op1("Mul", [y, g.doubles([target.scale])], {}, "forecast/unscale");
      let f = g.op1("Add", [scaled, g.doubles([target.offset])], {}, "forecast/offset");
      if (diff && last) {
        const sum = g.op1("CumSum", [f, g.int64Tensor([], [1])], {}, "forecast/cumsum");
        f = g.op1("Add", [sum, last], {}, "forecast/levels");
      }
      const name = g.op1("Cast", [f], { to: attr.i(DataType.FLOAT) }, "forecast");
      const info: ValueInfo = { name, elemType: DataType.FLOAT, dims: ["N", H] };
      d.step(forecastLine);
      d.output(info, `the next ${H} value(s) of "${target.name}" in its own units`);
      return [info];
    },
    bare(network) {
      passThrough(network, d);
      d.step(`Answer: ${forecastLine}.`);
    },
  };
  return { front, heads };
}

/** The target's last raw value in the window, [N, 1] float64 (the level the changes start from). */
function lastTarget(g: OnnxGraph, window: string, steps: number, fi: number): string {
  const v = g.op1(
    "Slice",
    [window, g.int64s([steps - 1, fi]), g.int64s([steps, fi + 1]), g.int64s([1, 2])],
    {},
    "window/last_target",
  );
  const flat = g.op1("Reshape", [v, g.int64s([0, 1])], {}, "window/last_target_2d");
  return g.op1("Cast", [flat], { to: attr.i(DataType.DOUBLE) }, "window/last_target_double");
}

/** A target that is not a feature: its last raw value comes in beside the window. */
function targetInput(g: OnnxGraph, target: string, d: Recorder): string {
  const dims = ["N", 1];
  const name = g.addInput(`${onnxName(target)}_last`, DataType.FLOAT, dims);
  d.input(
    { name, elemType: DataType.FLOAT, dims },
    `the last raw value of "${target}" at the window's last step (the forecast adds the changes to it)`,
    [target],
  );
  return g.op1("Cast", [name], { to: attr.i(DataType.DOUBLE) }, `${name}/double`);
}
