import type { BuilderTable } from "../types";

export const mergingBuilders = {} satisfies Partial<BuilderTable>;
