import type { LayerCase } from "./case";

export const normalizationCases = {} satisfies Record<string, LayerCase[]>;
