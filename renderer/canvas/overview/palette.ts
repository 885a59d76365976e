/**
 * The theme's colours as a 2D canvas needs them: CSS custom properties resolved to rgb() by the
 * browser (they hold light-dark() pairs, which only the style engine can pick between).
 */
export interface Palette {
  canvas: string;
  panel: string;
  raised: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  accentSoft: string;
  error: string;
  warning: string;
  edge: string;
  /** The minimap's veil over what is outside the view (translucent). */
  mask: string;
  /** Category colour and the block fill tinted with it, by lower-case category ("core", "group"). */
  categories: Record<string, { stripe: string; fill: string }>;
  font: string;
  mono: string;
}

const CATEGORIES = [
  "input",
  "core",
  "activation",
  "shape",
  "regularization",
  "convolution",
  "pooling",
  "normalization",
  "recurrent",
  "attention",
  "merge",
  "generative",
];

/** How much of the category colour tints a block, as the zoomed-in blocks' header does. */
const TINT = 0.14;

export function resolvePalette(host: HTMLElement): Palette {
  const probe = document.createElement("span");
  probe.style.display = "none";
  host.appendChild(probe);
  const style = getComputedStyle(probe);
  const color = (name: string) => {
    probe.style.color = `var(${name})`;
    return style.color;
  };
  try {
    const raised = color("--raised");
    const accent = color("--accent");
    const categories: Palette["categories"] = {};
    for (const c of CATEGORIES) {
      const stripe = color(`--cat-${c}`);
      categories[c] = { stripe, fill: mix(stripe, raised, TINT) };
    }
    categories.group = { stripe: accent, fill: mix(accent, raised, 0.06) };
    const root = getComputedStyle(host);
    return {
      canvas: color("--canvas"),
      panel: color("--panel"),
      raised,
      border: color("--border-strong"),
      text: color("--text"),
      muted: color("--text-2"),
      accent,
      accentSoft: mix(accent, color("--canvas"), 0.1),
      error: color("--error"),
      warning: color("--warning"),
      edge: color("--edge"),
      mask: color("--xy-minimap-mask-background-color"),
      categories,
      font: root.getPropertyValue("--font").trim() || "sans-serif",
      mono: root.getPropertyValue("--mono").trim() || "monospace",
    };
  } finally {
    probe.remove();
  }
}

/** `a` mixed into `b` by `share` (0..1), both rgb()/rgba() strings as getComputedStyle gives them. */
export function mix(a: string, b: string, share: number): string {
  const x = channels(a);
  const y = channels(b);
  const c = x.map((v, i) => Math.round(v * share + y[i] * (1 - share)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function channels(color: string): [number, number, number] {
  const m = color.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}
