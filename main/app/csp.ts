/**
 * The renderer's Content-Security-Policy, sent as a response header by the app scheme and added to
 * the dev server's responses. It starts from `default-src 'none'` and allows only what the UI uses:
 * its own scripts and styles (React Flow and recharts set inline `style` attributes, hence
 * 'unsafe-inline' for styles only), images from data:/blob: (chart PNG export, thumbnails), and no
 * network at all: the host is reached through IPC, never fetch.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string } = {}): string {
  const dev = devOrigins(options.devServerUrl);
  const directives: Record<string, string[]> = {
    "default-src": ["'none'"],
    // Vite's dev server injects an inline module (React Fast Refresh's preamble); production has none.
    "script-src": dev ? ["'self'", "'unsafe-inline'", dev.http] : ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'", ...(dev ? [dev.http] : [])],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": dev ? ["'self'", dev.http, dev.ws] : ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

function devOrigins(url: string | undefined): { http: string; ws: string } | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL; received ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL; received ${JSON.stringify(url)}`);
  }
  return { http: parsed.origin, ws: `${parsed.protocol === "https:" ? "wss:" : "ws:"}//${parsed.host}` };
}
