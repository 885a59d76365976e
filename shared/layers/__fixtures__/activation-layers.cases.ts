import type { LayerCase } from "./case";

export const activationLayerCases = {} satisfies Record<string, LayerCase[]>;
