import type { DataWarning } from "../../shared/datasets/summary";

/**
 * Coded data errors shared by every reader in main/data. Codes are stable (tests and the UI key on
 * them); messages name the file, row/column or image, what was expected and what was received.
 * Each reader adds its codes to the table below; keep one code per distinct problem.
 */
export const DATA_ERROR_CODES = {
  // IDX (MNIST format)
  E_IDX_MAGIC: "IDX file has the wrong magic number",
  E_IDX_SIZE: "IDX file length does not match its header dimensions",
  E_IDX_GZIP: "gzip stream is truncated or corrupt",
  E_IDX_COUNT_MISMATCH: "images and labels files hold different numbers of samples",
  E_IDX_LABEL_RANGE: "a label value is outside the class range",
  // NumPy .npy / .npz
  E_NPY_MAGIC: "not a .npy file",
  E_NPY_HEADER: ".npy header is malformed",
  E_NPY_DTYPE: ".npy dtype is not supported",
  E_NPY_SIZE: ".npy data length does not match its shape",
  E_NPY_RANGE: "an integer value does not fit the target type",
  E_NPY_SHAPE: "arrays have incompatible shapes",
  E_NPY_LABEL_RANGE: "a class id is negative, fractional or outside the class names",
  E_NPZ_ZIP: ".npz archive is malformed or uses an unsupported feature",
  // Image folders (one subfolder per class)
  E_IMG_NOT_FOLDER: "path is not a folder",
  E_IMG_NO_CLASSES: "folder has no class subfolders",
  E_IMG_NO_IMAGES: "no class folder holds an image",
  E_IMG_DECODE: "image could not be decoded",
  E_IMG_NONE_DECODED: "not one image of the folder (or of a split part) could be decoded",
  // Tables (CSV/TSV and other delimiters)
  E_TABLE_BINARY: "file is not text (binary or compressed)",
  E_TABLE_EMPTY: "file holds no rows",
  E_TABLE_HEADER_ONLY: "file holds a header but no data rows",
  E_TABLE_RAGGED: "most rows have a different number of fields than the header",
  E_TABLE_COLUMN: "a column named in the spec does not exist",
  E_TABLE_NO_FEATURES: "no column is left as a feature",
  E_TABLE_SINGLE_CLASS: "the label has a single class",
  E_TABLE_LABEL_TYPE: "the label cannot serve the requested task",
  E_TABLE_OPTION: "a table option is inconsistent",
  E_TABLE_STATS: "saved preprocessing statistics do not fit this table",
  // Text, sentence pairs (main/data/text)
  E_TEXT_EMPTY: "file holds no text examples",
  E_TEXT_NO_LABELS: "no line holds a label (expected label<TAB>text)",
  E_TEXT_COLUMN: "a text, label, source or target column does not exist",
  E_TEXT_SINGLE_CLASS: "the text labels have a single class",
  // Time series (main/data/series)
  E_SERIES_COLUMN: "a series column does not exist or no column is numeric",
  E_SERIES_VALUE: "a series cell is missing or not a number",
  E_SERIES_SHORT: "the series is shorter than lookback + horizon",
  // Shared
  E_DATA_READ: "file could not be read",
  E_DATA_PATH: "path does not hold a usable dataset",
  E_DATA_SHAPE: "samples do not have the shape the model's Input expects",
  E_DATA_TARGETS: "targets do not fit the model's output or the loss",
  E_DATA_VOCABULARY: "token ids do not fit an Embedding's inputDim",
  E_DATA_SOURCE: "this data source cannot be used here yet",
} as const;

export type DataErrorCode = keyof typeof DATA_ERROR_CODES;

export class DataError extends Error {
  override readonly name = "DataError";
  constructor(
    readonly code: DataErrorCode,
    message: string,
    /** File, row, column or image the error is about. */
    readonly where?: string,
  ) {
    super(where ? `${code}: ${message} (${where})` : `${code}: ${message}`);
  }
}

export type { DataWarning };

export function isDataError(e: unknown, code?: DataErrorCode): e is DataError {
  return e instanceof DataError && (code === undefined || e.code === code);
}
