/** Style properties a chart's look depends on; copied inline because the PNG has no stylesheet. */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/**
 * Renders an on-screen SVG chart (recharts) to a PNG: the SVG is cloned with every element's
 * computed style written inline (the page's CSS, themes and variables do not travel with it),
 * drawn on a canvas over the chart's background at `scale`x for sharp text, with a title above.
 */
export async function svgToPng(
  svg: SVGSVGElement,
  opts: { title?: string; background: string; foreground: string; scale?: number },
): Promise<Blob> {
  const scale = opts.scale ?? 2;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const text = new XMLSerializer().serializeToString(clone);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
  const titleHeight = opts.title ? 28 : 0;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight) * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser cannot draw on a canvas, so the chart cannot be saved as PNG");
  ctx.scale(scale, scale);
  ctx.fillStyle = opts.background;
  ctx.fillRect(0, 0, width, height + titleHeight);
  if (opts.title) {
    ctx.fillStyle = opts.foreground;
    ctx.font = "600 13px system-ui, sans-serif";
    ctx.fillText(opts.title, 12, 19);
  }
  ctx.drawImage(image, 0, titleHeight, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the canvas produced no PNG"))), "image/png"),
  );
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the chart could not be rendered as an image"));
    img.src = src;
  });
}

/** The colours an element is drawn with (resolved, theme-aware), for the PNG's background and title. */
export function themeColors(el: Element): { background: string; foreground: string } {
  const s = getComputedStyle(el);
  const bg = s.backgroundColor;
  const transparent = bg === "" || bg === "transparent" || bg === "rgba(0, 0, 0, 0)";
  return { background: transparent ? "#ffffff" : bg, foreground: s.color || "#000000" };
}
