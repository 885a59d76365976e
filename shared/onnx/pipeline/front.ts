import type { OnnxGraph, Value } from "../graph";
import type { ValueInfo } from "../model";
import { declareInput, type Recorder } from "./describe";

/**
 * The part of a pipeline in front of one data kind's network Input(s). `raw` declares the raw
 * graph inputs and emits the preprocessing; `bare` (the file takes the network's own input)
 * records what the user must do instead: the steps and the exact transform (netforge.transform).
 */
export interface Front {
  raw(g: OnnxGraph, inputId: string, model: ValueInfo): Value;
  bare(inputId: string, model: ValueInfo): void;
}

/** The model Input's dims without the batch, as numbers where known. */
export const sampleDims = (model: ValueInfo): (number | string)[] => model.dims.slice(1);

/** Throws when the Input's per-sample shape is not the one the preprocessing produces. */
export function expectDims(model: ValueInfo, want: readonly number[], what: string): void {
  const got = sampleDims(model);
  const fits = got.length === want.length && got.every((d, i) => typeof d !== "number" || d === want[i]);
  if (!fits)
    throw new Error(
      `the Input "${model.name}" expects [${got.join(", ")}] per sample; ${what} give [${want.join(", ")}]`,
    );
}

/** Data NetForge feeds as given (inline, NumPy): the file takes the Input's own values. */
export function givenFront(d: Recorder): Front {
  return {
    raw(g, _inputId, model) {
      const { info, value } = declareInput(g, model.name, model.elemType, model.dims);
      d.input(info, "the values as NetForge was given them (no preprocessing)");
      return value;
    },
    bare(_inputId, model) {
      d.transforms[model.name] = { kind: "none", formula: "model_input = the values as given" };
    },
  };
}
