import type { BuilderTable } from "../types";

export const transformerBuilders = {} satisfies Partial<BuilderTable>;
