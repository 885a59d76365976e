import { memo, useMemo } from "react";
import { PixelCanvas } from "./PixelCanvas";
import { toPixels } from "./pixels";

/**
 * One sample drawn as an image (a thumbnail, a reconstruction, a generated sample): pixels on a
 * small canvas, scaled up by CSS without smoothing so a 28x28 digit stays crisp.
 */
export const SampleImage = memo(function SampleImage({
  shape,
  values,
  size = 64,
  label,
}: {
  shape: readonly number[];
  values: ArrayLike<number>;
  size?: number;
  label: string;
}) {
  const pixels = useMemo(() => toPixels(shape, values), [shape, values]);
  return <PixelCanvas pixels={pixels} size={size} label={label} />;
});

/** Samples in a wrapping grid, each with an optional caption. */
export function ImageGrid({
  items,
  size = 64,
}: {
  items: readonly {
    key: string;
    shape: readonly number[];
    values: ArrayLike<number>;
    caption?: string;
    label: string;
  }[];
  size?: number;
}) {
  return (
    <ul className="image-grid">
      {items.map((it) => (
        <li key={it.key}>
          <SampleImage shape={it.shape} values={it.values} size={size} label={it.label} />
          {it.caption && <span className="caption">{it.caption}</span>}
        </li>
      ))}
    </ul>
  );
}
