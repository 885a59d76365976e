import type { LayerCase } from "./case";

export const transformerCases = {} satisfies Record<string, LayerCase[]>;
