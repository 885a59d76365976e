import type { BuilderTable } from "../types";

export const normalizationBuilders = {} satisfies Partial<BuilderTable>;
