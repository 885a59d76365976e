/** Weight initializers, named as tfjs names them (plus fanInUniform, the notes' U[-1/sqrt(n), 1/sqrt(n)]). */
export const INITIALIZER_NAMES = [
  "zeros",
  "ones",
  "randomUniform",
  "randomNormal",
  "truncatedNormal",
  "fanInUniform",
  "glorotUniform",
  "glorotNormal",
  "heUniform",
  "heNormal",
  "leCunUniform",
  "leCunNormal",
  "orthogonal",
] as const;
export type InitializerName = (typeof INITIALIZER_NAMES)[number];
