export const poolingLayers = [] as const;
