export const spatialLayers = [] as const;
