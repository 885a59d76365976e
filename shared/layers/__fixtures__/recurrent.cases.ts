import type { LayerCase } from "./case";

export const recurrentCases = {} satisfies Record<string, LayerCase[]>;
