import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EvaluationReportSchema } from "../../shared/evaluation/report";

/** `netforge evaluate` as a user runs it, on runs saved by `netforge train`: real processes, real files. */
const BIN = join(import.meta.dirname, "netforge.mjs");
const dir = mkdtempSync(join(tmpdir(), "netforge-evaluate-"));
const netforge = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, timeout: 120_000 });
const report = (stdout: string) => EvaluationReportSchema.parse(JSON.parse(stdout));

describe("netforge evaluate", () => {
  const iris = join(dir, "iris-run");
  beforeAll(() => {
    const r = netforge("train", "iris", "--epochs", "20", "--json", "--out", iris);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("prints the validation report of a saved table run: confusion counts sum to the validation size", () => {
    const r = netforge("evaluate", iris, "--json");
    expect(r.status, r.stderr).toBe(0);
    const rep = report(r.stdout);
    expect(rep).toMatchObject({ task: "classification", set: "validation", samples: 30, weights: "best" });
    if (rep.task !== "classification") throw new Error("expected a classification report");
    expect(rep.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(30);
    const text = netforge("evaluate", iris);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain("classification on the validation part: 30 samples, best weights");
    expect(text.stdout).toMatch(/accuracy [\d.]+ \(majority-class baseline 0\.3333: always "setosa"\)/);
    expect(text.stdout).toMatch(/^virginica\s+\d+\s+\d+\s+\d+$/m);
  }, 120_000);

  it("evaluates other data with the run's saved preprocessing, every row of it", () => {
    const rows = readFileSync(join(import.meta.dirname, "../../resources/datasets/iris.csv"), "utf8")
      .trim()
      .split("\n");
    const file = join(dir, "more-iris.csv");
    writeFileSync(file, [rows[0], ...rows.slice(1, 6), ...rows.slice(101, 106)].join("\n"));
    const r = netforge("evaluate", iris, "--data", file, "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(report(r.stdout)).toMatchObject({ task: "classification", set: "data", samples: 10 });
  }, 120_000);

  it("refuses a split the run does not have, and bad flags, with exit code 1", () => {
    const test = netforge("evaluate", iris, "--split", "test");
    expect(test.status).toBe(1);
    expect(test.stderr).toContain("E_EVAL_NO_SPLIT");
    const bad = netforge("evaluate", iris, "--split", "holdout");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--split must be one of validation, test, train; received holdout");
    const none = netforge("evaluate", join(dir, "nowhere"));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("not a run folder");
  }, 120_000);

  it("finds a template run's inline samples again (run.json only counts them)", () => {
    const xor = join(dir, "xor-run");
    expect(netforge("train", "xor", "--epochs", "300", "--json", "--out", xor).status).toBe(0);
    const r = netforge("evaluate", xor, "--split", "train", "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(report(r.stdout)).toMatchObject({ task: "binary", samples: 4, accuracy: 1 });
  }, 120_000);
});
