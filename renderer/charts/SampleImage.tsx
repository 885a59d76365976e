import { memo, useEffect, useRef } from "react";
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
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    const px = toPixels(shape, values);
    el.width = px.width;
    el.height = px.height;
    ctx.putImageData(new ImageData(px.rgba, px.width, px.height), 0, 0);
  }, [shape, values]);
  return (
    <canvas ref={canvas} className="sample-image" style={{ width: size, height: size }} role="img" aria-label={label} />
  );
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
