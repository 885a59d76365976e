import type { BuilderTable } from "../types";

export const activationLayerBuilders = {} satisfies Partial<BuilderTable>;
