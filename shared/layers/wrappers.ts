export const wrapperLayers = [] as const;
