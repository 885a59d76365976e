import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GradCheckReportSchema, OverfitReportSchema } from "../../shared/trainer/checks";

/** `netforge gradcheck` and `netforge overfit` as a user runs them: real processes, real files. */
const BIN = join(import.meta.dirname, "netforge.mjs");
const dir = mkdtempSync(join(tmpdir(), "netforge-checks-cli-"));
const netforge = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, timeout: 120_000 });

describe("netforge gradcheck and overfit", () => {
  it("gradcheck prints a verdict per weight tensor, as a table or JSON", () => {
    const text = netforge("gradcheck", "xor");
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^gradient check: pass \(fresh weights, 4 samples, loss [\d.]+\)$/m);
    expect(text.stdout).toMatch(/^dense_1\s+kernel\s+2x4\s+8\s+\S+\s+\S+\s+pass$/m);
    const json = netforge("gradcheck", "xor", "--json");
    expect(json.status, json.stderr).toBe(0);
    expect(GradCheckReportSchema.parse(JSON.parse(json.stdout)).tensors).toHaveLength(4);
  }, 120_000);

  it("gradcheck checks a run's trained weights with --run", () => {
    const run = join(dir, "xor-run");
    const trained = netforge("train", "xor", "--epochs", "20", "--json", "--out", run);
    expect(trained.status, trained.stderr).toBe(0);
    const r = netforge("gradcheck", "xor", "--run", run, "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(GradCheckReportSchema.parse(JSON.parse(r.stdout))).toMatchObject({ weights: "trained", verdict: "pass" });
    const missing = netforge("gradcheck", "xor", "--run", join(dir, "nowhere"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("--run: no best or last checkpoint in");
  }, 120_000);

  it("overfit learns a saved project's batch and leaves the file and its folder as they were", () => {
    const project = join(dir, "xor.netforge.json");
    const src = readFileSync(join(import.meta.dirname, "../../resources/templates/xor.netforge.json"), "utf8");
    writeFileSync(project, src);
    const r = netforge("overfit", project, "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(OverfitReportSchema.parse(JSON.parse(r.stdout))).toMatchObject({ learned: true, samples: 4 });
    expect(readFileSync(project, "utf8")).toBe(src);
    expect(readdirSync(dir).filter((f) => f.startsWith("xor."))).toEqual(["xor.netforge.json"]);
  }, 120_000);

  it("exits 1 with the reason when the batch is not learned, and on a bad --samples", () => {
    const r = netforge("overfit", "iris", "--samples", "8", "--steps", "5");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^could not overfit 8 samples in 5 steps .*bug in the model or the data/);
    const bad = netforge("overfit", "iris", "--samples", "64");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--samples must be a whole number from 8 to 32; received 64");
  }, 120_000);
});
