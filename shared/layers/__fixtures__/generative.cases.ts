import type { LayerCase } from "./case";

export const generativeCases = {} satisfies Record<string, LayerCase[]>;
