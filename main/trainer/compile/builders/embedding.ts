import type { BuilderTable } from "../types";

export const embeddingBuilders = {} satisfies Partial<BuilderTable>;
