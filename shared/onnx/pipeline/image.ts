import type { OnnxGraph } from "../graph";
import { attr, type ValueInfo } from "../model";
import { DataType } from "../proto";
import { fmt, type Recorder, shapeText } from "./describe";
import { type Front, sampleDims } from "./front";
import type { ImagePreprocessing } from "./preprocessing";

/**
 * Pixels in, as main/data/image-folder/decode.ts and batches.ts prepare them: uint8 [N, H, W, C]
 * at the trained size, / 255, then (x - mean) / std per channel when the run standardized. The
 * resize (and, for grayscale, the luma conversion) happens before the pixels reach the file.
 */
export function imageFront(pre: ImagePreprocessing, source: unknown, d: Recorder): Front {
  const [h, w, c] = pre.shape;
  const resize = (source as { resize?: string } | null)?.resize ?? "stretch";
  const userSteps = () => {
    d.userStep(
      `Resize each image to ${w}x${h} pixels (width x height) with "${resize}" (${RESIZE[resize] ?? "as the run did"}), as NetForge did for training.`,
    );
    if (c === 1)
      d.userStep(
        'Convert to grayscale with the ITU-R 601-2 luma weights (0.299 R + 0.587 G + 0.114 B, as PIL\'s convert("L")).',
      );
  };
  const stats = pre.stats;
  const lines = [
    "pixels: cast to float, / 255",
    ...(stats ? [`per channel: (x - [${stats.mean.map(fmt)}]) / [${stats.std.map(fmt)}]`] : []),
  ];
  return {
    raw(g, _inputId, model) {
      userSteps();
      const dims = ["N", h, w, c];
      const name = g.addInput("pixels", DataType.UINT8, dims);
      d.input(
        { name, elemType: DataType.UINT8, dims },
        `${c === 1 ? "grayscale" : "RGB"} pixels 0..255 of each image at ${w}x${h}, channels last`,
      );
      let x = scalePixels(g, name, 255);
      if (stats) {
        const mean = g.weight("pixels/mean", [c], stats.mean);
        const std = g.weight("pixels/std", [c], stats.std);
        x = g.op1("Div", [g.op1("Sub", [x, mean], {}, "pixels/center"), std], {}, "pixels/standardized");
      }
      for (const line of lines) d.step(line);
      return reshapeTo(g, x, [h, w, c], model, d);
    },
    bare(_inputId, model) {
      userSteps();
      d.step(`Resize to ${w}x${h} (${resize}), pixels as float ${shapeText(["N", h, w, c])}`);
      for (const line of lines) d.step(line);
      d.transforms[model.name] = {
        kind: "image",
        formula: "model_input = (pixels / 255 - mean) / std per channel, channels last",
        size: [h, w],
        channels: c,
        resize,
        mean: stats?.mean ?? new Array(c).fill(0),
        std: stats?.std ?? new Array(c).fill(1),
      };
    },
  };
}

const RESIZE: Record<string, string> = {
  stretch: "scaled to the size, ignoring the aspect ratio",
  cover: "scaled to cover the size, then center-cropped",
  contain: "scaled to fit inside the size, centered on black",
};

/**
 * IDX pixels (main/data/idx/read.ts): uint8 shaped as one IDX sample ([N, rows, cols] for
 * images), / 255 when the run's scale is "unit", kept 0..255 with "none".
 */
export function idxFront(scale: "unit" | "none", d: Recorder): Front {
  const raw = (model: ValueInfo): number[] => {
    const dims = sampleDims(model);
    if (dims.some((x) => typeof x !== "number"))
      throw new Error(`the Input "${model.name}" has an unknown size ${shapeText(dims)}; IDX pixels need a fixed one`);
    const n = dims as number[];
    // An IDX image is rows x cols; the model may add a channel axis or flatten it.
    return n.length === 3 && n[2] === 1 ? n.slice(0, 2) : n;
  };
  const line = scale === "unit" ? "pixels: cast to float, / 255" : "pixels: cast to float (0..255 kept)";
  return {
    raw(g, _inputId, model) {
      const shape = raw(model);
      const dims = ["N", ...shape];
      const name = g.addInput("pixels", DataType.UINT8, dims);
      d.input({ name, elemType: DataType.UINT8, dims }, `pixels 0..255 of one IDX image each, ${shapeText(shape)}`);
      const x = scalePixels(g, name, scale === "unit" ? 255 : 1);
      d.step(line);
      return reshapeTo(g, x, shape, model, d);
    },
    bare(_inputId, model) {
      d.step(line);
      d.transforms[model.name] = {
        kind: "idx",
        formula: scale === "unit" ? "model_input = pixels / 255" : "model_input = pixels",
        scale: scale === "unit" ? 1 / 255 : 1,
      };
    },
  };
}

function scalePixels(g: OnnxGraph, input: string, divisor: number): string {
  const x = g.op1("Cast", [input], { to: attr.i(DataType.FLOAT) }, "pixels/float");
  return divisor === 1 ? x : g.op1("Div", [x, g.scalar(divisor)], {}, "pixels/unit");
}

/** The pixels in the Input's own shape ([H, W] for a grayscale Input, flat for a Dense one). */
function reshapeTo(g: OnnxGraph, x: string, shape: number[], model: ValueInfo, d: Recorder) {
  const want = sampleDims(model);
  const size = shape.reduce((a, b) => a * b, 1);
  const known = want.filter((v): v is number => typeof v === "number").reduce((a, b) => a * b, 1);
  const open = want.filter((v) => typeof v !== "number").length;
  if (open > 1 || (open === 0 ? known !== size : size % known !== 0))
    throw new Error(
      `the Input "${model.name}" expects ${shapeText(want)} per sample; the pixels are ${shapeText(shape)}`,
    );
  const same = want.length === shape.length && want.every((v, i) => v === shape[i]);
  const name = same
    ? x
    : g.op1("Reshape", [x, g.int64s([0, ...want.map((v) => (typeof v === "number" ? v : -1))])], {}, "pixels/shaped");
  if (!same) d.step(`reshape to ${shapeText(["N", ...want])}`);
  return { name, rank: want.length + 1, layout: "channelsLast" as const, elemType: DataType.FLOAT };
}
