import { memo, useEffect, useRef } from "react";
import type { Pixels } from "./pixels";

/** Ready pixels on a small canvas, scaled up by CSS without smoothing so a 3x3 filter stays crisp. */
export const PixelCanvas = memo(function PixelCanvas({
  pixels,
  size = 48,
  label,
}: {
  pixels: Pixels;
  size?: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx || pixels.width === 0 || pixels.height === 0) return;
    el.width = pixels.width;
    el.height = pixels.height;
    ctx.putImageData(new ImageData(pixels.rgba, pixels.width, pixels.height), 0, 0);
  }, [pixels]);
  return (
    <canvas ref={canvas} className="sample-image" style={{ width: size, height: size }} role="img" aria-label={label} />
  );
});
