export const regularizationLayers = [] as const;
