import type { BuilderTable } from "../types";

export const reshapingBuilders = {} satisfies Partial<BuilderTable>;
