/**
 * Reading single cells: missing-value tokens, numbers (optionally with a unit suffix such as "2hr"
 * or "5 kg"), booleans and dates. Pure functions, shared by inference, probing and loading.
 */

import { MISSING_TOKENS } from "../../../shared/datasets/missing";

export function isMissing(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim());
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A number followed by a unit: letters, %, °, µ, and a few unit punctuation marks ("km/h", "m²"). */
const UNIT_NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z%°µ][A-Za-z%°µ/²³.]*)$/;

/** A plain number, or NaN. Stricter than Number(): "", "0x1f", "1_000" and " " are not numbers. */
export function parseNumber(cell: string): number {
  const s = cell.trim();
  return NUMBER.test(s) ? Number(s) : Number.NaN;
}

/** A number with a unit suffix: { value, unit }, or null. */
export function parseUnitNumber(cell: string): { value: number; unit: string } | null {
  const m = UNIT_NUMBER.exec(cell.trim());
  return m ? { value: Number(m[1]), unit: m[2] } : null;
}

// Whole words only: single letters (t/f/y/n) are too often column names or categories.
const TRUE = new Set(["true", "yes"]);
const FALSE = new Set(["false", "no"]);

/** 1, 0, or NaN for a cell that is not a boolean word. 0/1 stay numbers (inference decides). */
export function parseBoolean(cell: string): number {
  const s = cell.trim().toLowerCase();
  return TRUE.has(s) ? 1 : FALSE.has(s) ? 0 : Number.NaN;
}

/** ISO 8601 dates and date-times, and d/m/yyyy or m/d/yyyy with slashes. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 (UTC, fractional for times), or NaN. Slash dates are read as month/day
 * unless the first part exceeds 12; an ambiguous file should use ISO dates.
 */
export function parseDate(cell: string): number {
  const s = cell.trim();
  if (ISO_DATE.test(s)) {
    // A date without a zone is read as UTC so that the value does not depend on the machine.
    const zoned = /[zZ]|[+-]\d{2}:?\d{2}$/.test(s.slice(10)) || s.length === 10 ? s : `${s}Z`;
    const t = Date.parse(zoned.replace(" ", "T"));
    return Number.isNaN(t) ? Number.NaN : t / MS_PER_DAY;
  }
  const m = SLASH_DATE.exec(s);
  if (m) {
    let [month, day] = [Number(m[1]), Number(m[2])];
    if (month > 12) [month, day] = [day, month];
    if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
    return Date.UTC(Number(m[3]), month - 1, day) / MS_PER_DAY;
  }
  return Number.NaN;
}
