import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { StepThroughResult } from "../../../shared/api/schemas/step-through";
import { useBackend } from "../testing/tf-setup";
import { runStepThrough } from "./run-step";

const template = JSON.parse(
  readFileSync(join(__dirname, "../../../resources/templates/backprop-2-2-2.netforge.json"), "utf8"),
);
const job = { graph: template.graph, training: template.training, data: template.data };

const layerOf = (r: StepThroughResult, nodeId: string) => {
  const l = r.layers.find((x) => x.nodeId === nodeId);
  if (!l) throw new Error(`no layer for ${nodeId}`);
  return l;
};
const weight = (r: StepThroughResult, nodeId: string, name: string) => {
  const w = layerOf(r, nodeId).weights.find((x) => x.name === name);
  if (!w) throw new Error(`no weight ${name} on ${nodeId}`);
  return w;
};

/**
 * The notes' worked backprop example (inventory D3), through the trainer's real compile, data
 * preparation, loss and optimizer. The output kernel is stored input-major: [[w5, w7], [w6, w8]].
 */
describe.each(["cpu", "wasm"] as const)("step-through of the 2-2-2 template (%s)", (backend) => {
  let r: StepThroughResult;
  beforeAll(async () => {
    await useBackend(backend);
    r = await runStepThrough(job);
  });

  it("starts from the hand-set weights", () => {
    expect(weight(r, "hidden", "kernel").value.values).toEqual([0.15, 0.25, 0.2, 0.3].map((v) => expect.closeTo(v, 7)));
    expect(weight(r, "output", "kernel").value.values?.[0]).toBeCloseTo(0.4, 7);
  });

  it("reproduces the forward pass: net_h1, out_h1, out_o1 and E_total", () => {
    const h = layerOf(r, "hidden");
    expect(h.pre?.value.values?.[0]).toBeCloseTo(0.3775, 6);
    expect(h.outputs[0].value.values?.[0]).toBeCloseTo(0.593269992, 6);
    expect(h.outputs[0].value.values?.[1]).toBeCloseTo(0.596884378, 6);
    const o = layerOf(r, "output");
    expect(o.pre?.value.values?.[0]).toBeCloseTo(1.105905967, 6);
    expect(o.outputs[0].value.values?.[0]).toBeCloseTo(0.75136507, 6);
    expect(o.outputs[0].value.values?.[1]).toBeCloseTo(0.772928465, 6);
    expect(r.loss.value).toBeCloseTo(0.298371109, 6);
  });

  it("reproduces dE/dw5 = 0.082167041, dE/dout_o1 and w5 = 0.35891648 after one step at lr 0.5", () => {
    const o = layerOf(r, "output");
    expect(o.outputs[0].grad.values?.[0]).toBeCloseTo(0.74136507, 6);
    const k = weight(r, "output", "kernel");
    expect(k.grad?.values?.[0]).toBeCloseTo(0.082167041, 7);
    expect(k.updated?.values?.[0]).toBeCloseTo(0.35891648, 7);
    // w6, w7, w8 and the hidden weights w1..w4, all from the old weights
    expect(k.updated?.values).toEqual(
      [0.35891648, 0.51130127, 0.408666186, 0.561370121].map((v) => expect.closeTo(v, 6)),
    );
    const hk = weight(r, "hidden", "kernel");
    expect(hk.updated?.values).toEqual(
      [0.149780716, 0.249751144, 0.199561432, 0.299502287].map((v) => expect.closeTo(v, 6)),
    );
  });

  it("leaves no tensor or variable behind (the trainer process answers many requests)", async () => {
    const before = tf.memory().numTensors;
    await runStepThrough(job);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("names the optimizer step, the activation and the layer formula", () => {
    expect(r.detailed).toBe(true);
    expect(r.optimizer).toMatchObject({ name: "sgd", learningRate: 0.5, formula: "w' = w - lr * dL/dw" });
    expect(layerOf(r, "output").activation?.name).toBe("sigmoid");
    expect(layerOf(r, "output").formula).toContain("x W + b");
  });
});
