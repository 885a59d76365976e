import { describe, expect, it } from "vitest";

/**
 * The install path, proven early: the native and WebAssembly pieces that later issues build on
 * load from a plain `npm ci` with no network (onnxruntime-node's CPU binary ships in its package;
 * tfjs' WebAssembly backend needs no download).
 */
describe("installed runtime pieces", () => {
  it("loads onnxruntime-node's CPU binding", async () => {
    const ort = await import("onnxruntime-node");
    expect(typeof ort.InferenceSession.create).toBe("function");
    expect(ort.env.versions.node).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("runs TensorFlow.js on the WebAssembly backend in Node", async () => {
    const tf = await import("@tensorflow/tfjs");
    await import("@tensorflow/tfjs-backend-wasm");
    tf.enableProdMode();
    expect(await tf.setBackend("wasm")).toBe(true);
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(Array.from(await y.data())).toEqual([11]);
    expect(tf.getBackend()).toBe("wasm");
  });
});
