/** The table source: probe a delimited text file, read it, and encode it for training. */
export { applyTableStats, type EncodedTable, encodeTable, loadTable, readTable, type TableRows } from "./load";
export { PROBE_BYTES, probeTable } from "./probe";
export type { FeatureStat, TableStats } from "./stats";
