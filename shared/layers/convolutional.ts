export const convolutionalLayers = [] as const;
