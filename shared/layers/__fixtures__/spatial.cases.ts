import type { LayerCase } from "./case";

export const spatialCases = {} satisfies Record<string, LayerCase[]>;
