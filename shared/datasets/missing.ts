/**
 * Cells read as missing, whatever the column's type: main/data/table/cells.ts isMissing reads a
 * table with them, and an exported model's category encoder maps them to the saved fill.
 * pandas' default na_values (pandas.read_csv docs) plus "?", which UCI data sets use.
 */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
  "?",
]);
