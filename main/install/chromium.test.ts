import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium, playwrightChromium } from "./chromium.mjs";

/** Where the end-to-end tests find their Chromium, and what the install does when there is none. */
describe("findChromium", () => {
  const exists = (present: string[]) => (path: string) => present.includes(path);
  const places = { system: ["/sys/chromium"], playwright: "/pw/chrome" };

  it("prefers CHROMIUM_PATH, then the system's, then Playwright's own", () => {
    const all = ["/mine/chrome", "/sys/chromium", "/pw/chrome"];
    expect(findChromium({ ...places, env: { CHROMIUM_PATH: "/mine/chrome" }, exists: exists(all) })).toEqual({
      path: "/mine/chrome",
      from: "CHROMIUM_PATH",
    });
    expect(findChromium({ ...places, env: {}, exists: exists(all) })?.from).toBe("system");
    expect(findChromium({ ...places, env: {}, exists: exists(["/pw/chrome"]) })).toEqual({
      path: "/pw/chrome",
      from: "Playwright",
    });
  });

  it("skips places that do not exist, and says none when nothing does", () => {
    expect(findChromium({ ...places, env: { CHROMIUM_PATH: "/gone" }, exists: exists(["/pw/chrome"]) })?.from).toBe(
      "Playwright",
    );
    expect(findChromium({ ...places, env: {}, exists: exists([]) })).toBeNull();
    expect(findChromium({ system: [], playwright: null, env: {}, exists: () => true })).toBeNull();
  });

  it("knows where Playwright keeps its own Chromium", () => {
    expect(playwrightChromium()).toMatch(/chrom/i);
  });
});

describe("postinstall", () => {
  it("NETFORGE_SKIP_BINARY_DOWNLOADS skips every download, Chromium's included", () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "postinstall.mjs")], {
      encoding: "utf8",
      env: { ...process.env, NETFORGE_SKIP_BINARY_DOWNLOADS: "1" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("not downloading Electron, TensorFlow or Chromium binaries");
  });
});
