import { useEffect, useMemo, useState } from "react";
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

/**
 * The preview's image files relative to the image folder ("class/name.png": the probe lists
 * names per class), at most what one data.thumbnails call returns, in grid order.
 */
export function thumbnailFiles(summary: DatasetSummary): string[] {
  if (summary.kind !== "imageFolder") return [];
  return summary.preview.flatMap(([name, ...files]) => files.map((f) => `${name}/${f}`)).slice(0, MAX_THUMBNAILS);
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
  const folder = summary.path;
  useEffect(() => {
    setThumbs({});
    if (!client || wanted.length === 0) return;
    let live = true;
    client
      .call("data.thumbnails", { folder, files: wanted, size: THUMBNAIL_SIZE })
      .then(({ thumbnails }) => {
        if (live) setThumbs(Object.fromEntries(thumbnails.map(({ file, ...t }) => [file, t])));
      })
      .catch(() => {
        // The file names stay; the probe's own errors already tell about unreadable folders.
      });
    return () => {
      live = false;
    };
  }, [client, folder, wanted]);
  return thumbs;
}
