export const mergingLayers = [] as const;
