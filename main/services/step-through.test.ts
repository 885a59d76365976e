import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "./host";
import { refusal } from "./test-host";

/**
 * step.run through the real host and a real trainer process: the template as the gallery opens it,
 * a typed-in sample, a sample that does not exist, and data outside the opened folders.
 */
let host: Host;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "netforge-step-"));
  const configDir = mkdtempSync(join(tmpdir(), "netforge-step-config-"));
  host = createHost({ mode: "browser", browseRoots: [folder], configDir, backend: "wasm" });
  await host.call("fs.openFolder", { path: folder });
});
afterAll(() => host.close());

describe("step.run", () => {
  it("steps the 2-2-2 template: dE/dw5 and w5 after one step, the model's seed and hand-set weights", async () => {
    const { project } = await host.call("templates.get", { id: "backprop-2-2-2" });
    const { result } = await host.call("step.run", { project, projectPath: null });
    const output = result.layers.find((l) => l.nodeId === "output");
    const kernel = output?.weights.find((w) => w.name === "kernel");
    expect(kernel?.grad?.values?.[0]).toBeCloseTo(0.082167041, 7);
    expect(kernel?.updated?.values?.[0]).toBeCloseTo(0.35891648, 7);
    expect(result.sampleIndex).toBe(0);
  }, 120_000);

  it("takes a typed-in sample instead, and refuses a sample the data does not have", async () => {
    const { project } = await host.call("templates.get", { id: "backprop-2-2-2" });
    const typed = await host.call("step.run", { project, projectPath: null, sample: { x: [1, 0], y: [0, 1] } });
    expect(typed.result.sampleIndex).toBeNull();
    expect(typed.result.inputs[0].values).toEqual([1, 0]);
    const e = await refusal(host.call("step.run", { project, projectPath: null, sample: { index: 5 } }));
    expect(e.message).toContain("sample 5 does not exist: the training part holds 1 samples (0 to 0)");
  }, 120_000);

  it("refuses data outside the opened folders before reaching the trainer", async () => {
    const { project } = await host.call("templates.get", { id: "iris" });
    const outside = { ...project, data: { source: { kind: "table", path: "/etc/passwd" } } };
    const e = await refusal(host.call("step.run", { project: outside, projectPath: join(folder, "p.netforge.json") }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
  });
});
