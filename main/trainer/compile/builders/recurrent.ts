import type { BuilderTable } from "../types";

export const recurrentBuilders = {} satisfies Partial<BuilderTable>;
