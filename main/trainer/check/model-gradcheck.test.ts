import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { template, templateData } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { gradCheckProject, verdictOf } from "./model-gradcheck";

/** A template as the checks receive it: its graph, settings and data (paths made absolute). */
const subject = (name: string) => {
  const t = template(name);
  return { graph: t.graph, training: t.training, data: templateData(t.data) };
};

describe("gradient check of a project's model", () => {
  beforeAll(() => useBackend("wasm"));

  // Transformer blocks and VAE sampling are custom layers: their gradients are checked too.
  it.each(["xor", "digits-cnn", "rnn-lstm", "transformer-text", "vae"])(
    "passes on the %s template, every weight tensor",
    async (name) => {
      const report = await gradCheckProject(subject(name));
      const failing = report.tensors.filter((t) => t.verdict !== "pass");
      expect(failing, JSON.stringify(failing)).toEqual([]);
      expect(report.verdict).toBe("pass");
      // Every trainable tensor of the model is listed, with real gradients compared.
      expect(report.tensors.length).toBeGreaterThanOrEqual(4);
      expect(Math.max(...report.tensors.map((t) => t.maxGradient))).toBeGreaterThan(1e-3);
      expect(report.tensors.every((t) => t.checked > 0)).toBe(true);
    },
  );

  it("fails when a kernel's registered gradient is wrong (tanh's, doubled)", async () => {
    const original = tf.getGradient("Tanh");
    if (!original) throw new Error("tfjs has no gradient registered for Tanh");
    const gradFunc: tf.GradConfig["gradFunc"] = (dy, saved, attrs) => {
      const right = original.gradFunc(dy, saved, attrs) as { x: () => tf.Tensor };
      return { x: () => tf.mul(right.x(), 2) };
    };
    tf.registerGradient({ ...original, gradFunc });
    try {
      const report = await gradCheckProject(subject("xor"));
      expect(report.verdict).toBe("fail");
      // The hidden Dense (before the tanh) is wrong; the output layer's weights are not affected.
      const verdicts = report.tensors.map((t) => `${t.node}/${t.weight} ${t.verdict}`);
      expect(verdicts).toContain("dense_1/kernel fail");
      expect(verdicts).toContain("dense_2/kernel pass");
      expect(Math.max(...report.tensors.map((t) => t.maxRelError))).toBeGreaterThan(0.3);
    } finally {
      tf.registerGradient(original);
    }
  });

  it("grades relative errors: within 1e-2 passes, one outlier is suspicious, several fail", () => {
    expect(verdictOf([0, 1e-3, 9e-3])).toBe("pass");
    expect(verdictOf([1e-3, 5e-2])).toBe("suspicious");
    expect(verdictOf([1e-3, 0.5])).toBe("suspicious");
    expect(verdictOf([0.5, 0.2, 1e-3])).toBe("fail");
  });
});
