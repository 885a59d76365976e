export const embeddingLayers = [] as const;
