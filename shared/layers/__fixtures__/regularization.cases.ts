import type { LayerCase } from "./case";

export const regularizationCases = {} satisfies Record<string, LayerCase[]>;
