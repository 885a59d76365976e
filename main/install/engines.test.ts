import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What an install prints: no npm warning from our own configuration, and an `engines` field (and
 * README) that tells the truth about the Node version the locked dependencies need.
 */
const ROOT = join(import.meta.dirname, "../..");
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8"));
// semver is npm's own range logic; every install has it (vite, electron-builder and others use it).
const semver = createRequire(import.meta.url)("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

describe("install configuration", () => {
  it("gives npm no unknown project config to warn about", () => {
    const r = spawnSync("npm", ["config", "get", "registry"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/Unknown (project|user|builtin) config/);
  });

  it("asks for a Node every locked dependency accepts, and the README says the same", () => {
    const pkg = read("package.json");
    const lowest = semver.minVersion(pkg.engines.node)?.version as string;
    const refused = Object.entries(read("package-lock.json").packages as Record<string, { engines?: unknown }>)
      // npm checks the packages it installs here (platform-specific optional ones are skipped).
      .filter(([name]) => name !== "" && existsSync(join(ROOT, name, "package.json")))
      .filter(([, p]) => typeof (p.engines as { node?: unknown })?.node === "string")
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name} needs ${(p.engines as { node: string }).node}`);
    expect(refused, `engines.node allows ${lowest}`).toEqual([]);
    const [major, minor] = lowest.split(".");
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`Node.js ${major}.${minor} or newer`);
  });
});
