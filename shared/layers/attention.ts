export const attentionLayers = [] as const;
