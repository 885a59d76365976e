/**
 * Series colours: concrete values (not CSS variables) so that a chart exported as PNG looks as it
 * does on screen. Tableau 10, whose hues stay distinct on light and dark backgrounds and for the
 * common colour-vision deficiencies.
 */
export const SERIES_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;

export const colorAt = (i: number): string =>
  SERIES_COLORS[((i % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length];
