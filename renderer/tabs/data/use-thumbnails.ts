import { useEffect, useMemo, useState } from "react";
import type { RequestOf } from "../../../shared/api/contract";
import { MAX_THUMBNAILS } from "../../../shared/api/schemas/data";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import { useClient } from "../common/session";

export interface Thumbnail {
  url: string | null;
  width: number;
  height: number;
  error?: string;
}

/** The longest side of a grid thumbnail, in CSS pixels. */
export const THUMBNAIL_SIZE = 48;

/** Data whose preview is a grid of images per class: [class, entries...] rows. */
export const hasImageGrid = (summary: DatasetSummary) => summary.kind === "imageFolder" || summary.kind === "idx";

/**
 * The key a preview entry's thumbnail comes back under: "class/name.png" for an image folder (the
 * file relative to the folder; the probe lists names per class), the image's index for IDX.
 */
export function thumbnailKey(summary: DatasetSummary, className: string, entry: string): string {
  return summary.kind === "idx" ? entry : `${className}/${entry}`;
}

/** The preview's thumbnail keys, at most what one data.thumbnails call returns, in grid order. */
export function thumbnailFiles(summary: DatasetSummary): string[] {
  if (!hasImageGrid(summary)) return [];
  return summary.preview
    .flatMap(([name, ...entries]) => entries.map((e) => thumbnailKey(summary, name, e)))
    .slice(0, MAX_THUMBNAILS);
}

/** The data.thumbnails request for those keys: files of the image folder, or images of the IDX file. */
export function thumbnailRequest(
  summary: Pick<DatasetSummary, "kind" | "path">,
  keys: readonly string[],
): RequestOf<"data.thumbnails"> {
  return summary.kind === "idx"
    ? { idx: summary.path, indices: keys.map(Number), size: THUMBNAIL_SIZE }
    : { folder: summary.path, files: [...keys], size: THUMBNAIL_SIZE };
}

/**
 * Thumbnails of the preview's images, keyed by "class/name", fetched once per probed folder and
 * file list. They are a nicety: without a host, or when the call fails, the grid keeps its file names.
 */
export function useThumbnails(summary: DatasetSummary): Record<string, Thumbnail> {
  const client = useClient();
  const [thumbs, setThumbs] = useState<Record<string, Thumbnail>>({});
  const files = thumbnailFiles(summary);
  // A new probe of the same folder gives an equal list: keyed by content, not identity.
  const key = files.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `files`.
  const wanted = useMemo(() => files, [key]);
  const { kind, path } = summary;
  useEffect(() => {
    setThumbs({});
    if (!client || wanted.length === 0) return;
    let live = true;
    client
      .call("data.thumbnails", thumbnailRequest({ kind, path }, wanted))
      .then(({ thumbnails }) => {
        if (live) setThumbs(Object.fromEntries(thumbnails.map(({ file, ...t }) => [file, t])));
      })
      .catch(() => {
        // The file names stay; the probe's own errors already tell about unreadable folders.
      });
    return () => {
      live = false;
    };
  }, [client, kind, path, wanted]);
  return thumbs;
}
