import type { LayerCase } from "./case";

export const wrapperCases = {} satisfies Record<string, LayerCase[]>;
