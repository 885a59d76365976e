import type { BuilderTable } from "../types";

export const convolutionalBuilders = {} satisfies Partial<BuilderTable>;
