import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "./host";
import { refusal } from "./test-host";

/**
 * The debugging checks through the host with the real trainer (wasm): a saved project's gradient
 * check and tiny-batch overfit answer with their reports, and the project file and its folder are
 * as they were (no run, no settings written).
 */
let host: Host;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "netforge-checks-"));
  host = createHost({
    mode: "browser",
    browseRoots: [dir],
    configDir: mkdtempSync(join(tmpdir(), "netforge-checks-config-")),
    backend: "wasm",
  });
  await host.call("fs.openFolder", { path: dir });
}, 60_000);
afterAll(() => host.close());

describe("check.gradients and check.overfit", () => {
  it("check a saved iris project and leave its file and folder untouched", async () => {
    const { project } = await host.call("projects.new", { template: "iris" });
    const path = join(dir, "iris.netforge.json");
    writeFileSync(path, JSON.stringify(project));
    const before = readFileSync(path, "utf8");

    const { report: grads } = await host.call("check.gradients", { project, projectPath: path });
    expect(grads.verdict).toBe("pass");
    expect(grads.tensors.map((t) => `${t.node}/${t.weight}`)).toEqual([
      "dense_1/kernel",
      "dense_1/bias",
      "dense_2/kernel",
      "dense_2/bias",
    ]);
    const { report: fit } = await host.call("check.overfit", { project, projectPath: path, samples: 8 });
    expect(fit.learned).toBe(true);
    expect(fit.samples).toBe(8);

    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith("iris"))).toEqual(["iris.netforge.json"]);
    expect(existsSync(`${path}.runs`)).toBe(false);
  }, 120_000);

  it("checks a run's trained weights from its checkpoint", async () => {
    const { project } = await host.call("projects.new", { template: "xor" });
    const path = join(dir, "xor.netforge.json");
    writeFileSync(path, JSON.stringify(project));
    let runId = "";
    const done = new Promise<void>((resolve) => {
      const off = host.events.on("train.done", (p) => {
        if (p.runId === runId) {
          off();
          resolve();
        }
      });
    });
    const trained = { ...project, training: { ...project.training, epochs: 20 } };
    ({ runId } = await host.call("train.start", { project: trained, projectPath: path }));
    await done;
    const { report } = await host.call("check.gradients", { project: trained, projectPath: path, runId });
    expect(report.weights).toBe("trained");
    expect(report.verdict).toBe("pass");
    const fresh = await host.call("check.gradients", { project: trained, projectPath: path });
    expect(fresh.report.weights).toBe("fresh");
    expect(fresh.report.loss).not.toBe(report.loss);
  }, 120_000);

  it("refuses a batch size out of 8-32, naming the field and the bounds", async () => {
    const { project } = await host.call("projects.new", { template: "xor" });
    const e = await refusal(host.call("check.overfit", { project, projectPath: null, samples: 100 }));
    expect(e.code).toBe("E_BAD_REQUEST");
    expect(e.message).toMatch(/samples.*at most 32/);
  });
});
