import type { BuilderTable } from "../types";

export const regularizationBuilders = {} satisfies Partial<BuilderTable>;
