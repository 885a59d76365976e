import type { LayerCase } from "./case";

export const convolutionalCases = {} satisfies Record<string, LayerCase[]>;
