import { describe, expect, it } from "vitest";
import { StepThroughResultSchema } from "../../shared/api/schemas/step-through";
import { runCli } from "./cli-testkit";

/** `netforge step` in a real trainer process, on the 2-2-2 template: the notes' numbers, printed. */
describe("netforge step", () => {
  it("prints dE/dw5 = 0.08216703 and w5 = 0.3589165 (the notes' 0.082167041 and 0.35891648 in float32) after one step, layer by layer", async () => {
    const r = await runCli("step", "backprop-2-2-2");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("  output (Dense): y = f(x W + b)");
    expect(r.stdout).toMatch(/net \[1, 2\] 0\.3775, 0\.3925\n/);
    expect(r.stdout).toMatch(/dL\/dkernel \[2, 2\] 0\.08216703, /);
    expect(r.stdout).toMatch(/output\.kernel \[2, 2\] 0\.3589165, /);
    expect(r.stdout).toContain("one sgd step at lr 0.5: w' = w - lr * dL/dw");
  }, 120_000);

  it("--json prints the step-through result; a missing sample and a bad --sample are user errors", async () => {
    const r = await runCli("step", "backprop-2-2-2", "--json", "--sample", "0");
    expect(r.code, r.stderr).toBe(0);
    const result = StepThroughResultSchema.parse(JSON.parse(r.stdout));
    expect(result.loss.value).toBeCloseTo(0.298371109, 6);
    const missing = await runCli("step", "backprop-2-2-2", "--sample", "3");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("sample 3 does not exist: the training part holds 1 samples (0 to 0)");
    const typed = await runCli("step", "backprop-2-2-2", "--json", "--x", "[1, 0]", "--y", "[0, 1]");
    expect(typed.code, typed.stderr).toBe(0);
    expect(StepThroughResultSchema.parse(JSON.parse(typed.stdout)).sampleIndex).toBeNull();
    const half = await runCli("step", "backprop-2-2-2", "--x", "[1, 0]");
    expect(half.code).toBe(1);
    expect(half.stderr).toContain("--x and --y go together");
    const bad = await runCli("step", "backprop-2-2-2", "--sample", "two");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--sample must be a sample number");
  }, 120_000);
});
