import type { BuilderTable } from "../types";

export const spatialBuilders = {} satisfies Partial<BuilderTable>;
