import { spawnSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error build.mjs is plain JavaScript (it runs before anything is built); no types.
import { buildCli, freshBuild } from "./build.mjs";

/** The built CLI (out/cli/): what `npx netforge` runs, rebuilt when a source changes. */
const ROOT = join(import.meta.dirname, "../..");
const BIN = join(import.meta.dirname, "netforge.mjs");
const current = () => JSON.parse(readFileSync(join(ROOT, "out/cli/build.json"), "utf8")) as { dir: string };

describe("the built CLI", () => {
  it("is rebuilt when a source is newer than the build, so stale code never runs", async () => {
    const built = (await buildCli()) as string;
    expect(freshBuild()).toBe(built);
    const source = join(import.meta.dirname, "commands/layers.ts");
    const { atime, mtime } = statSync(source);
    try {
      const later = new Date(Date.now() + 5_000);
      utimesSync(source, later, later);
      expect(freshBuild()).toBeNull();
      const r = spawnSync(process.execPath, [BIN, "layers"], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("layer kinds.");
      expect(current().dir).not.toBe(built.split("/").at(-2));
    } finally {
      utimesSync(source, atime, mtime);
    }
  }, 60_000);

  it("loads neither TensorFlow.js, onnxruntime nor sharp for commands that do not train", () => {
    const script = `
      import { createRequire } from "node:module";
      import { pathToFileURL } from "node:url";
      import { builtCli } from ${JSON.stringify(pathToFile("build.mjs"))};
      const { main } = await import(pathToFileURL(await builtCli()).href);
      const sink = { write: () => true };
      const codes = [];
      for (const argv of [["layers"], ["check", ${JSON.stringify(join(ROOT, "resources/templates/xor.netforge.json"))}], ["--help"]])
        codes.push(await main(argv, { stdout: sink, stderr: sink }));
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ codes, heavy: loaded.filter((p) => /@tensorflow|onnxruntime|sharp|tsx/.test(p)) }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ codes: [0, 0, 0], heavy: [] });
  }, 60_000);
});

function pathToFile(name: string): string {
  return join(import.meta.dirname, name);
}
