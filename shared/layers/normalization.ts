export const normalizationLayers = [] as const;
