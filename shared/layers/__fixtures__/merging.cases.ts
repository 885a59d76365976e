import type { LayerCase } from "./case";

export const mergingCases = {} satisfies Record<string, LayerCase[]>;
