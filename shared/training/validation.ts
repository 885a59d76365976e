import type { DataWarning } from "../datasets/summary";

/**
 * Validation is one setting, the Train tab's `training.validation` (none, or the fraction held
 * out); the Data tab shows it read-only. For a dataset spec the trainer's stratified split takes
 * that fraction (the spec's own `split.validation` is filled in from it), for inline samples the
 * last fraction, as Keras' validationSplit.
 */

/** The fraction held out for validation: 0 when validation is off; the schema's 0.2 when unset. */
export function validationFraction(training: Record<string, unknown>): number {
  const v = training.validation as { type?: unknown; fraction?: unknown } | undefined;
  if (v === undefined) return 0.2;
  if (v.type === "none") return 0;
  return typeof v.fraction === "number" && v.fraction > 0 && v.fraction < 1 ? v.fraction : 0.2;
}

export type ValidationCode = "W_VALIDATION_EMPTY" | "W_VALIDATION_CLASSES";

/**
 * A warning when the fraction holds out no sample at all, or (classification) no sample of some
 * class. `held` is the size of the validation part the split makes; `perClass` its count per class
 * (index = class), when known. Null when the fraction is 0 (validation off) or nothing is missing.
 */
export function validationWarning(
  fraction: number,
  rows: number,
  held: number,
  perClass: readonly number[] | null,
  classNames: readonly string[],
): (DataWarning & { code: ValidationCode }) | null {
  if (!(fraction > 0)) return null;
  const validation = perClass;
  const what = `validation ${fraction} of ${rows} sample${rows === 1 ? "" : "s"}`;
  if (held === 0) {
    return {
      code: "W_VALIDATION_EMPTY",
      message: `${what} holds out 0 samples, so the run has no validation data; expected at least 1 sample${classNames.length > 1 ? " per class" : ""}. Use a larger fraction, more data, or turn validation off in the Train tab`,
    };
  }
  if (!validation || classNames.length < 2) return null;
  const missing = classNames.filter((_, i) => (validation[i] ?? 0) === 0);
  if (missing.length === 0) return null;
  return {
    code: "W_VALIDATION_CLASSES",
    message: `${what} holds out ${held} sample${held === 1 ? "" : "s"} with none of class ${missing.map((m) => `"${m}"`).join(", ")}; expected at least 1 sample per class (${classNames.length} classes). Val metrics will not cover every class: use a larger fraction or more data`,
  };
}

/** The spec the trainer and the probe get: its split's validation is the training setting's. */
export function withValidation<S extends { split: { validation: number } }>(
  spec: S,
  training: Record<string, unknown>,
): S {
  return { ...spec, split: { ...spec.split, validation: validationFraction(training) } };
}

/** A spec as a project stores it: without `split.validation`, which the training settings hold. */
export function withoutSplitValidation<S extends { split?: object }>(spec: S): S {
  if (!spec.split || !("validation" in spec.split)) return spec;
  const { validation: _, ...split } = spec.split as Record<string, unknown>;
  return { ...spec, split };
}
