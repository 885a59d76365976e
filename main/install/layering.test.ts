import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering rules (shared/ imports nothing platform-specific, renderer/ never imports main/)
 * are lint rules; this proves they fire, by linting probe files with the project's own config.
 */
const ROOT = join(import.meta.dirname, "../..");
const BIOME = join(ROOT, "node_modules/.bin/biome");

function lint(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "netforge-layering-"));
  cpSync(join(ROOT, ".config/biome.json"), join(dir, ".config/biome.json"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Folders are named explicitly: biome reads "." as holding a second root configuration.
  const folders = [...new Set(Object.keys(files).map((p) => p.split("/")[0]))];
  const r = spawnSync(
    BIOME,
    ["lint", "--config-path", ".config", "--vcs-enabled=false", "--max-diagnostics=50", ...folders],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  return `${r.stdout}${r.stderr}`;
}

describe("layering", () => {
  it.each([
    ["shared/x.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ["shared/x.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
    ["shared/x.ts", 'import * as tf from "@tensorflow/tfjs";\nexport const x = tf;\n'],
    ["shared/x.ts", 'import { app } from "electron";\nexport const x = app;\n'],
    ["shared/x.ts", 'import { x as y } from "../main/cli/index";\nexport const x = y;\n'],
    ["renderer/x.ts", 'import { x as y } from "../main/cli/index";\nexport const x = y;\n'],
    ["renderer/x.ts", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n'],
  ])("refuses %s: %s", (path, text) => {
    expect(lint({ [path]: text })).toContain("lint/style/noRestrictedImports");
  });

  it("allows what each layer may import", () => {
    const out = lint({
      "shared/x.ts": 'import { z } from "zod";\nexport const x = z;\n',
      "shared/x.test.ts": 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      "renderer/x.ts":
        'import { useState } from "react";\nimport { y } from "../shared/y";\nexport const x = [useState, y];\n',
      "main/x.ts": 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    });
    expect(out).toContain("Checked 4 files");
    expect(out).not.toContain("noRestrictedImports");
  });
});
