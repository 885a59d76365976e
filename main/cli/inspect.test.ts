import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TELEMETRY_FILE } from "../../shared/training/telemetry";
import type { TelemetrySummary } from "../../shared/training/telemetry-summary";
import { runStart, template, templateData } from "../trainer/testing/run-template";
import { useBackend } from "../trainer/testing/tf-setup";
import { runCli, tempFiles } from "./cli-testkit";

describe("netforge inspect", () => {
  const { dir: runDir } = tempFiles("netforge-inspect-");
  beforeAll(async () => {
    await useBackend("wasm");
    const t = template("xor");
    writeFileSync(join(runDir, "run.json"), JSON.stringify({ source: "template:xor" }));
    const { handle } = await runStart({
      runId: "xor",
      graph: t.graph,
      training: { ...t.training, epochs: 3, seed: 1, telemetry: { enabled: true } },
      data: templateData(t.data),
      runDir,
    } as Parameters<typeof runStart>[0]);
    handle.dispose();
  }, 60_000);

  it("prints each layer's last histograms, gradient norms and dead fraction from a trained run", async () => {
    const { code, stdout, stderr } = await runCli("inspect", runDir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ record\(s\), epochs 1, .*3; activations and gradients on 4 sample\(s\)/);
    expect(stdout).toMatch(/layer\s+kind\s+weights\s+activations\s+gradients\s+grad norm \(first -> last\)\s+dead/);
    expect(stdout).toMatch(/Dense\s+-?[\d.e-]+ ± [\d.e-]+ in \[/);
    expect(stdout).toMatch(/no warnings|warnings:/);
  });

  it("--json gives the summary with the whole gradient norm history", async () => {
    const { code, stdout } = await runCli("inspect", runDir, "--json");
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as TelemetrySummary;
    expect(summary.epochs[0]).toBe(1);
    expect(summary.epochs.at(-1)).toBe(3);
    const dense = summary.layers.filter((l) => l.className === "Dense");
    expect(dense.length).toBeGreaterThan(0);
    for (const l of dense) {
      expect(l.gradNorms.map((g) => g.epoch)).toEqual(summary.epochs);
      expect(l.weights?.counts).toHaveLength(30);
    }
  });

  it("lists warnings with the epochs they were seen at, and skips a torn last line", async () => {
    const { dir, file } = tempFiles("netforge-inspect-warn-");
    file("run.json", {});
    const histogram = { min: 0, max: 1, counts: Array(30).fill(1) };
    const layer = (epoch: number) => ({
      name: "hidden1",
      className: "Dense",
      weights: histogram,
      activations: histogram,
      gradients: histogram,
      gradNorm: 1e-9,
      weightNorm: 3,
      deadFraction: null,
      warnings: [{ kind: "vanishing", message: `hidden1: vanishing gradients at ${epoch}` }],
    });
    const lines = [1, 2].map((epoch) => JSON.stringify({ epoch, samples: 8, layers: [layer(epoch)] }));
    file(TELEMETRY_FILE, `${lines.join("\n")}\n`);
    appendFileSync(join(dir, TELEMETRY_FILE), '{"epoch": 3, "samp');
    const { code, stdout, stderr } = await runCli("inspect", dir);
    expect(code).toBe(0);
    expect(stderr).toBe("note: 1 unreadable line(s) of telemetry.jsonl skipped\n");
    expect(stdout).toContain("warnings:\n  epochs 1-2: hidden1: vanishing gradients at 2\n");
    expect(stdout).toMatch(/hidden1\s+Dense .* 1\.00e-9 -> 1\.00e-9/);
  });

  it("says what is missing for a run without telemetry, and for a folder that is no run", async () => {
    const { dir, file } = tempFiles("netforge-inspect-none-");
    const none = await runCli("inspect", dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/not a run folder \(expected .*run\.json/);
    file("run.json", {});
    const off = await runCli("inspect", dir);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(
      /no telemetry recorded \(expected telemetry\.jsonl; train with the setting training\.telemetry\.enabled = true/,
    );
  });
});
