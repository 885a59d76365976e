export const generativeLayers = [] as const;
