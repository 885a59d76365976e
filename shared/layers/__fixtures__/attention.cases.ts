import type { LayerCase } from "./case";

export const attentionCases = {} satisfies Record<string, LayerCase[]>;
