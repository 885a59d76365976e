import { mulberry32 } from "../random";

/**
 * A small synthetic translation task: dates written in English words -> ISO 8601 dates, e.g.
 * "the third of march two thousand and five" -> "2005-03-03". It is the classic first
 * sequence-to-sequence exercise (short inputs, an exact target, an attention pattern you can read):
 * the model has to reorder (day, month, year -> year, month, day) and map words to digits.
 */
export interface DatePair {
  source: string;
  target: string;
}

export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

const UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const ORDINAL_TEENS = [
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];

/** 1..99 in words, hyphenated as English writes compound numbers ("forty-two"). */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`expected 1..99; received ${n}`);
  if (n < 10) return UNITS[n];
  if (n < 20) return TEENS[n - 10];
  return UNITS[n % 10] ? `${TENS[Math.floor(n / 10)]}-${UNITS[n % 10]}` : TENS[n / 10];
}

/** 1..31 as an ordinal ("first", "twenty-third", "thirtieth"). */
export function ordinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`expected 1..99; received ${n}`);
  if (n < 10) return ORDINAL_UNITS[n];
  if (n < 20) return ORDINAL_TEENS[n - 10];
  const tens = TENS[Math.floor(n / 10)];
  return n % 10 ? `${tens}-${ORDINAL_UNITS[n % 10]}` : `${tens.slice(0, -1)}ieth`;
}

/**
 * A year as it is read aloud: 1905 "nineteen oh five", 1900 "nineteen hundred", 1987 "nineteen
 * eighty-seven", 2000 "two thousand", 2005 "two thousand and five" (British usage, as the example
 * in the issue), 2019 "two thousand and nineteen" or, when `short`, "twenty nineteen".
 */
export function yearWords(year: number, short = false): string {
  if (!Number.isInteger(year) || year < 1100 || year > 2099) {
    throw new RangeError(`expected a year 1100..2099; received ${year}`);
  }
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  if (hi === 20 && !(short && lo >= 10)) return lo === 0 ? "two thousand" : `two thousand and ${numberWords(lo)}`;
  if (lo === 0) return `${numberWords(hi)} hundred`;
  return `${numberWords(hi)} ${lo < 10 ? `oh ${numberWords(lo)}` : numberWords(lo)}`;
}

/** Days in a month of the Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The ways one date is written: varied word order, so the model cannot copy positions. */
const TEMPLATES: ((d: string, m: string, y: string) => string)[] = [
  (d, m, y) => `the ${d} of ${m} ${y}`,
  (d, m, y) => `${m} the ${d} ${y}`,
  (d, m, y) => `${d} ${m} ${y}`,
  (d, m, y) => `${m} ${d} ${y}`,
];

export interface DatePairOptions {
  n: number;
  seed?: number;
  /** Inclusive year range; default 1950..2049. */
  fromYear?: number;
  toYear?: number;
}

/**
 * n distinct pairs (no source written twice), dates uniform over the year range, template and
 * year style drawn at random. Seeded: a seed gives the same pairs in the same order.
 */
export function datePairs(opts: DatePairOptions): DatePair[] {
  const { n, seed = 0, fromYear = 1950, toYear = 2049 } = opts;
  const days = (toYear - fromYear + 1) * 365;
  if (!Number.isInteger(n) || n < 1 || n > days) {
    throw new RangeError(`expected n to be an integer from 1 to ${days}; received ${n}`);
  }
  const random = mulberry32(seed);
  const pick = (k: number) => Math.floor(random() * k);
  const seen = new Set<string>();
  const pairs: DatePair[] = [];
  while (pairs.length < n) {
    const year = fromYear + pick(toYear - fromYear + 1);
    const month = 1 + pick(12);
    const day = 1 + pick(daysInMonth(year, month));
    const source = TEMPLATES[pick(TEMPLATES.length)](
      ordinalWords(day),
      MONTHS[month - 1],
      yearWords(year, random() < 0.5),
    );
    if (seen.has(source)) continue;
    seen.add(source);
    const target = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    pairs.push({ source, target });
  }
  return pairs;
}
