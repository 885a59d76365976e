// Where the end-to-end tests find a Chromium: CHROMIUM_PATH, then the system's (Debian's
// /usr/bin/chromium), then the one Playwright downloads (`playwright install chromium`). Shared by
// the postinstall step (which downloads Playwright's when none is found) and e2e/playwright.config.ts.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Playwright's own Chromium, where it would be once downloaded; null without Playwright. */
export function playwrightChromium() {
  try {
    return require("playwright-core").chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * The first Chromium that exists, with where it came from; null when there is none. The places are
 * parameters so that tests can look in their own.
 */
export function findChromium({
  env = process.env,
  system = SYSTEM_CHROMIUMS,
  playwright = playwrightChromium(),
  exists = existsSync,
} = {}) {
  const candidates = [
    [env.CHROMIUM_PATH, "CHROMIUM_PATH"],
    ...system.map((path) => [path, "system"]),
    [playwright, "Playwright"],
  ];
  for (const [path, from] of candidates) if (path && exists(path)) return { path, from };
  return null;
}
