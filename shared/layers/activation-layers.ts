export const activationLayers = [] as const;
