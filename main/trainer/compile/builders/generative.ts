import type { BuilderTable } from "../types";

export const generativeBuilders = {} satisfies Partial<BuilderTable>;
