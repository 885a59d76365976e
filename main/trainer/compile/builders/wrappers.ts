import type { BuilderTable } from "../types";

export const wrapperBuilders = {} satisfies Partial<BuilderTable>;
