import { defineConfig } from "@playwright/test";
import { findChromium } from "../main/install/chromium.mjs";

// The Chromium the tests drive: CHROMIUM_PATH, else the system's (Debian: apt-get install chromium),
// else Playwright's own (npm ci's postinstall downloads it where neither exists); see
// main/install/chromium.mjs. The flags keep Chromium from reaching for the network at start-up,
// which CI machines may refuse.
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "../test-results/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      // undefined: Playwright's default, whose missing-browser error says how to install it.
      executablePath: findChromium()?.path,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
