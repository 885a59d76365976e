export const recurrentLayers = [] as const;
