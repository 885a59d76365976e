export const transformerLayers = [] as const;
