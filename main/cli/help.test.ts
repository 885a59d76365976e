import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-testkit";
import { dataSpecFormat } from "./data-format";
import { COMMANDS } from "./index";

const run = runCli;

describe("netforge <command> --help", () => {
  it.each(Object.keys(COMMANDS))("%s --help prints its usage and options and exits 0", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const r = await run(name, flag);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith(`Usage: ${COMMANDS[name].usage}\n\n${COMMANDS[name].help}\n`)).toBe(true);
    }
  });

  it("train --help names every flag the command takes, with its range", async () => {
    const r = await run("train", "--help");
    for (const flag of ["--data", "--epochs", "--batch-size", "--lr", "--seed", "--backend", "--out", "--json"])
      expect(r.stdout).toContain(`  ${flag}`);
    expect(r.stdout).toContain("whole number in [1, 100000]");
  });

  it("states one checkpoint default for predict, evaluate and export", async () => {
    for (const name of ["predict", "evaluate", "export"]) {
      const r = await run(name, "--help");
      expect(r.stdout).toContain("best (default; the last one when the run kept no best)");
    }
  });
});

describe("the dataset spec format", () => {
  it("is generated from the schema: every source kind and its fields, with defaults", () => {
    const text = dataSpecFormat();
    for (const kind of ["inline", "table", "imageFolder", "idx", "npy", "text", "sentencePairs", "timeSeries"])
      expect(text).toContain(`source, kind "${kind}":`);
    expect(text).toContain('  normalization: "none" | "standardize" | "minmax", default "standardize"');
    expect(text).toContain("  targetSize: [integer in [1, 1024], integer in [1, 1024]], default [32,32]");
    expect(text).toContain("  validation: number in [0, 1), default 0.2");
  });

  it("is what `netforge data --help` prints and what the README shows", async () => {
    const r = await run("data", "--help");
    expect(r.stdout).toContain(dataSpecFormat());
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    // Regenerate with `npx netforge data --help` when a dataset schema changes.
    expect(readme).toContain(`\`\`\`text\n${dataSpecFormat()}\`\`\``);
  });
});
