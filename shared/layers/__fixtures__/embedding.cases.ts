import type { LayerCase } from "./case";

export const embeddingCases = {} satisfies Record<string, LayerCase[]>;
