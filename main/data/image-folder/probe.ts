import { join } from "node:path";
import type { z } from "zod";
import { ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import type { DataWarning } from "../errors";
import { channelsOf, mapLimit, readImageHeader } from "./decode";
import { scanImageFolder } from "./scan";

export interface ProbeOptions {
  /** Headers read at most (spread evenly over the classes); the rest is estimated. Default 500. */
  maxHeaders?: number;
  concurrency?: number;
  /** File names shown per class in the preview. Default 3. */
  previewPerClass?: number;
}

/**
 * Summarizes an image folder quickly: lists the files (names only) and reads image headers, not
 * pixels, of at most maxHeaders images. Throws coded errors only when the folder is unusable
 * (not a folder, no class subfolders, no images); everything else is a warning.
 */
export async function probeImageFolder(
  input: z.input<typeof ImageFolderSourceSchema>,
  opts: ProbeOptions = {},
): Promise<DatasetSummary> {
  const source = ImageFolderSourceSchema.parse(input);
  const { maxHeaders = 500, concurrency = 8, previewPerClass = 3 } = opts;
  const index = await scanImageFolder(source.path);
  const warnings: DataWarning[] = [...index.warnings];
  const n = index.files.length;

  // An even stride over the sorted list visits every class in proportion to its size.
  const step = Math.max(1, n / maxHeaders);
  const sample = Array.from({ length: Math.min(n, maxHeaders) }, (_, i) => Math.floor(i * step));
  const sizes = new Map<string, number>();
  const bad: string[] = [];
  const badCounts = new Array<number>(index.classNames.length).fill(0);
  let singleChannel = 0;
  await mapLimit(sample, concurrency, async (s) => {
    try {
      const head = await readImageHeader(join(index.root, index.files[s]));
      const key = `${head.width}x${head.height}`;
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
      if (head.channels <= 2) singleChannel++;
    } catch {
      bad.push(index.files[s]);
      badCounts[index.labels[s]]++;
    }
  });
  const checkedAll = sample.length === n;
  if (!checkedAll) {
    warnings.push({
      code: "W_IMG_SAMPLED",
      message: `read the headers of ${sample.length} of ${n} images; image sizes and unreadable files are estimated from them`,
      where: index.root,
    });
  }
  if (sizes.size > 1) {
    const list = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
    const shown = list
      .slice(0, 5)
      .map(([k, v]) => `${k} (${v})`)
      .join(", ");
    warnings.push({
      code: "W_IMG_MIXED_SIZES",
      message: `images come in ${sizes.size} sizes (width x height: ${shown}${list.length > 5 ? ", ..." : ""}); all are resized to ${source.targetSize[1]}x${source.targetSize[0]} (${source.resize})`,
      where: index.root,
    });
  }
  if (bad.length > 0) {
    bad.sort();
    const outcome = source.skipBadImages
      ? "they will be skipped"
      : "training will stop at the first one (turn on skipBadImages to skip them)";
    warnings.push({
      code: "W_IMG_UNREADABLE",
      message: `${bad.length} image(s) are not readable PNG, JPEG, WebP or GIF files; ${outcome}: ${bad.slice(0, 10).join(", ")}${bad.length > 10 ? ", ..." : ""}`,
      where: index.root,
    });
  }
  const readable = sample.length - bad.length;
  if (source.color === "rgb" && readable > 0 && singleChannel === readable) {
    warnings.push({
      code: "W_IMG_GRAYSCALE_AS_RGB",
      message: "every image read is grayscale but color is rgb: grayscale input would be 3 times smaller",
      where: index.root,
    });
  }

  // Known-bad files are counted out only when every header was read (otherwise it is a sample).
  const counts = index.counts.map((count, k) => (checkedAll ? count - badCounts[k] : count));
  const [h, w] = source.targetSize;
  return {
    kind: "imageFolder",
    path: source.path,
    rows: counts.reduce((a, b) => a + b, 0),
    estimated: false,
    columns: [],
    classes: index.classNames.map((name, k) => ({ name, count: counts[k] })),
    inputShape: [h, w, channelsOf(source.color)],
    outputShape: [index.classNames.length],
    task: "classification",
    preview: previewRows(index.files, index.labels, index.classNames, previewPerClass),
    warnings,
  };
}

/** One row per class: [class, first few file names]. */
function previewRows(files: string[], labels: Int32Array, classNames: string[], per: number): string[][] {
  const rows = classNames.map((name) => [name]);
  for (let i = 0; i < files.length; i++) {
    const row = rows[labels[i]];
    if (row.length <= per) row.push(files[i].slice(files[i].indexOf("/") + 1));
  }
  return rows;
}
