/**
 * The course units a template's lesson names (shared/curriculum's order, perceptron to GAN): the
 * gallery groups templates under them, in this order.
 */
export const COURSE_UNITS = [
  "Perceptrons",
  "Multilayer networks",
  "Convolutional networks",
  "Recurrent networks",
  "Sequence to sequence",
  "Transformers",
  "Autoencoders",
  "Generative models",
] as const;

export type CourseUnit = (typeof COURSE_UNITS)[number];

/**
 * Where a gallery group sorts: the course units first, in course order, then any other category
 * (a template without a lesson gets one derived from its layers) in the order given, then the rest.
 */
export function groupRank(category: string, fallbackOrder: readonly string[] = []): number {
  const unit = (COURSE_UNITS as readonly string[]).indexOf(category);
  if (unit >= 0) return unit;
  const other = fallbackOrder.indexOf(category);
  return COURSE_UNITS.length + (other >= 0 ? other : fallbackOrder.length);
}
