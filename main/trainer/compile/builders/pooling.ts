import type { BuilderTable } from "../types";

export const poolingBuilders = {} satisfies Partial<BuilderTable>;
