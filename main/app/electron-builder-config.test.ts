import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_SUFFIX } from "./argv";

/**
 * The packaging config (.config/electron-builder.yml) cannot be exercised here (electron-builder
 * downloads Electron for each target), so it is checked the way electron-builder itself checks it
 * before building: loaded by its own loader and validated against its own schema.
 */
const ROOT = join(import.meta.dirname, "../..");
const CONFIG = join(ROOT, ".config/electron-builder.yml");

interface BuilderConfig {
  /** Normalised by the loader to file sets: [{ filter: [...] }]. */
  files: (string | { filter: string[] })[];
  asarUnpack: string[];
  fileAssociations: { ext: string; mimeType?: string }[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  npmRebuild: boolean;
}

// Resolved from electron-builder's own location, so it works however npm laid out its dependencies.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve("electron-builder"));
const { getConfig, validateConfiguration } = fromBuilder("app-builder-lib/out/util/config/config") as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };

describe(".config/electron-builder.yml", async () => {
  const config = await getConfig(ROOT, CONFIG, null);

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it("builds AppImage and deb, nsis, and dmg", () => {
    expect(config.linux.target).toEqual(["AppImage", "deb"]);
    expect(config.win.target).toEqual(["nsis"]);
    expect(config.mac.target).toEqual(["dmg"]);
  });

  it("packs the build output and resources only, and unpacks the native modules", () => {
    const patterns = config.files.flatMap((f) => (typeof f === "string" ? [f] : f.filter));
    expect(patterns.filter((f) => !f.startsWith("!"))).toEqual(["out/**", "resources/**", "package.json"]);
    for (const pkg of ["@tensorflow/tfjs-node", "onnxruntime-node", "sharp", "@img"]) {
      expect(config.asarUnpack).toContain(`node_modules/${pkg}/**`);
    }
    // main/app/paths.ts points the host at app.asar.unpacked/resources.
    expect(config.asarUnpack).toContain("resources/**");
    expect(config.npmRebuild).toBe(false);
  });

  it("associates the project suffix the app recognises on launch", () => {
    expect(config.fileAssociations.map((a) => `.${a.ext}`)).toEqual([PROJECT_SUFFIX]);
    expect(config.fileAssociations[0].mimeType).toBeTruthy();
  });
});
