/** Time-series sources: read columns, window them chronologically, scale on the training part, probe. */
export { FEW_WINDOWS, probeSeries } from "./probe";
export { readSeries, type SeriesData } from "./read";
export {
  type ColumnScale,
  difference,
  encodeWindow,
  forecastInUnits,
  type SeriesWindows,
  scaleValue,
  windowSeries,
} from "./windows";
