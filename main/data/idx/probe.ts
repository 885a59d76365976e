import type { IdxSource } from "../../../shared/datasets/sources/idx";
import type { DatasetSummary, DataWarning } from "../../../shared/datasets/summary";
import { readHead, readMaybeGzip } from "./gzip";
import { checkIdxLength, checkLabels, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdx, parseIdxHeader } from "./read";

/** Images shown per class in the preview grid, as for an image folder. */
const PREVIEW_PER_CLASS = 3;

/**
 * A quick summary of an IDX pair without decompressing the images: the images header and its
 * declared length (the gzip ISIZE trailer), and the labels file in full (one byte per image, small).
 * A full load (loadIdx) re-checks everything, including a truncated gzip stream.
 */
export async function probeIdx(source: Pick<IdxSource, "images" | "labels" | "classNames">): Promise<DatasetSummary> {
  const { head, length, gzip } = await readHead(source.images, 16);
  const header = parseIdxHeader(head, IDX_IMAGES_MAGIC, source.images);
  if (length !== header.expectedLength) {
    // A gzip trailer that disagrees may be a truncated stream: decompress it all to say which.
    if (gzip) parseIdx(await readMaybeGzip(source.images), IDX_IMAGES_MAGIC, source.images);
    checkIdxLength(header, length, source.images);
  }
  const labels = parseIdx(await readMaybeGzip(source.labels), IDX_LABELS_MAGIC, source.labels);
  const [n, rows, cols] = header.dims;
  const { counts, numClasses } = checkLabels(labels, n, source);
  const names = source.classNames ?? counts.map((_, i) => String(i));
  const warnings: DataWarning[] = [];
  const empty = counts.flatMap((c, i) => (c === 0 ? [names[i]] : []));
  if (empty.length > 0) {
    warnings.push({
      code: "W_IDX_EMPTY_CLASS",
      message: `${empty.length} class(es) have no images: ${empty.slice(0, 10).join(", ")}`,
      where: source.labels,
    });
  }
  const present = counts.length - empty.length;
  if (present < 2) {
    warnings.push({
      code: "W_IDX_SINGLE_CLASS",
      message: `expected images of at least 2 classes for classification; received ${present}`,
      where: source.labels,
    });
  }
  const preview = previewRows(labels.data, n, names);
  return {
    kind: "idx",
    path: source.images,
    rows: n,
    estimated: false,
    columns: [],
    classes: counts.map((count, i) => ({ name: names[i], count })),
    inputShape: [rows, cols, 1],
    outputShape: [numClasses],
    task: "classification",
    preview,
    warnings,
  };
}

/**
 * One row per class, as an image folder's preview: [class, indices of its first images]. The Data
 * tab asks data.thumbnails for those images and shows them under their class.
 */
function previewRows(labels: Uint8Array, n: number, names: readonly string[]): string[][] {
  const rows = names.map((name) => [name]);
  let open = rows.length;
  for (let i = 0; i < n && open > 0; i++) {
    const row = rows[labels[i]];
    if (row && row.length <= PREVIEW_PER_CLASS) {
      row.push(String(i));
      if (row.length > PREVIEW_PER_CLASS) open--;
    }
  }
  return rows;
}
