import type { LayerCase } from "./case";

export const poolingCases = {} satisfies Record<string, LayerCase[]>;
