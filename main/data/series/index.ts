/** Time-series sources: read columns, window them chronologically, scale on the training part, probe. */
export { FEW_WINDOWS, probeSeries } from "./probe";
export { readSeries, type SeriesData } from "./read";
export { type ColumnScale, type SeriesWindows, windowSeries } from "./windows";
