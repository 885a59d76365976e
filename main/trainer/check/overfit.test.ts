import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { OVERFIT_TARGET_RATIO } from "../../../shared/trainer/checks";
import { TEMPLATES_DIR, template, templateData } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { overfitProject } from "./overfit";

const subject = (name: string, training: Record<string, unknown> = {}) => {
  const t = template(name);
  return { graph: t.graph, training: { ...t.training, ...training }, data: templateData(t.data) };
};

describe("overfit a tiny batch", () => {
  beforeAll(() => useBackend("wasm"));

  it("learns xor's four samples (all it has) and says so", async () => {
    const r = await overfitProject(subject("xor"), { samples: 16 });
    expect(r.samples).toBe(4);
    expect(r.learned).toBe(true);
    expect(r.finalLoss).toBeLessThanOrEqual(r.startLoss * OVERFIT_TARGET_RATIO);
    expect(r.steps).toBeLessThan(r.maxSteps);
    expect(r.message).toMatch(/^learned the batch \(loss [\d.]+ -> [\d.e-]+ in \d+ steps\)$/);
  });

  it("learns 16 iris rows and leaves the project file as it was", async () => {
    const file = join(TEMPLATES_DIR, "iris.netforge.json");
    const before = readFileSync(file, "utf8");
    const r = await overfitProject(subject("iris"), { samples: 16 });
    expect(r.samples).toBe(16);
    expect(r.learned).toBe(true);
    expect(r.curve[0]).toEqual({ step: 0, loss: r.startLoss });
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("reports that a model with a vanishing learning rate could not overfit, pointing at a bug", async () => {
    const r = await overfitProject(subject("iris", { learningRate: 1e-9 }), { samples: 8, maxSteps: 40 });
    expect(r.learned).toBe(false);
    expect(r.steps).toBe(40);
    expect(r.finalLoss).toBeCloseTo(r.startLoss, 5);
    expect(r.message).toMatch(/^could not overfit 8 samples in 40 steps .*bug in the model or the data/);
  });
});

describe("models the checks do not take", () => {
  beforeAll(() => useBackend("wasm"));

  it("refuses a GAN and a perceptron-rule model, saying why", async () => {
    await expect(overfitProject(subject("gan-ring"))).rejects.toThrow(/GAN's generator and discriminator/);
    await expect(overfitProject(subject("perceptron-and"))).rejects.toThrow(/perceptron rule updates on mistakes/);
  });
});
