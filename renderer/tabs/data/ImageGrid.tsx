import type { DatasetSummary } from "../../../shared/datasets/summary";
import { colorAt } from "../../charts/palette";
import { THUMBNAIL_SIZE, thumbnailKey, useThumbnails } from "./use-thumbnails";

/**
 * Images per class, for an image folder or IDX data: each class with its count and its first
 * images (data.thumbnails' previews) under their file names, or their places in an IDX file.
 */
export function ImageGrid({ summary }: { summary: DatasetSummary }) {
  const thumbs = useThumbnails(summary);
  return (
    <section className="card" aria-label="Images per class">
      <header className="card-header">
        <h3>Images per class</h3>
      </header>
      <ul className="class-grid">
        {summary.preview.map(([name, ...files], i) => (
          <li key={name} className="class-tile">
            <strong>
              <span className="swatch dot" style={{ borderColor: colorAt(i) }} />
              {name}
            </strong>
            <span className="muted">{summary.classes[i]?.count ?? 0} images</span>
            <ul className="file-list mono">
              {files.map((f) => {
                const t = thumbs[thumbnailKey(summary, name, f)];
                // IDX images have no names: they are shown by their place in the file.
                const label = summary.kind === "idx" ? `#${f}` : f;
                return (
                  <li key={f} title={t?.error ? `${label}: ${t.error}` : label}>
                    {t?.url && (
                      <img
                        className="thumbnail"
                        src={t.url}
                        alt={`${name}: ${summary.kind === "idx" ? `image ${f}` : f}`}
                        width={t.width}
                        height={t.height}
                        // Small images are sent at their own size; shown larger, with sharp pixels.
                        style={{
                          display: "block",
                          width: THUMBNAIL_SIZE,
                          height: THUMBNAIL_SIZE,
                          objectFit: "contain",
                          imageRendering: "pixelated",
                        }}
                      />
                    )}
                    {label}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
