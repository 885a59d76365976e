import type { BuilderTable } from "../types";

export const attentionBuilders = {} satisfies Partial<BuilderTable>;
