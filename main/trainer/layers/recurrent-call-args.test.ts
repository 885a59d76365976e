import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";

/**
 * Training runs every layer through tfjs' executor with one shared kwargs object; RNN.apply used
 * to leave its initial states in it (recurrent-call-args.ts). These graphs put a second RNN after
 * one that was given initial states.
 */

/** Encoder LSTM(4) whose h and c start decoder LSTM(4); `after` follows the decoder. */
function seq2seq(after: "decoder with states" | "plain LSTM") {
  const b = new GraphBuilder();
  const x = b.add("Input", { shape: [5, 3] });
  const enc = b.add("LSTM", { units: 4, returnState: true });
  const dec = b.add("LSTM", { units: 4, returnSequences: true });
  const next = b.add("LSTM", { units: 4, returnSequences: true });
  b.connect(x, enc).connect(x, dec);
  b.connect(enc, dec, "h", "h").connect(enc, dec, "c", "c").connect(dec, next);
  if (after === "decoder with states") b.connect(enc, next, "h", "h").connect(enc, next, "c", "c");
  b.connect(next, b.add("Dense", { units: 2 }));
  return compileGraph(b.build()).model;
}

describe.each(["cpu", "wasm"] as const)("RNNs after one given initial states, training on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(["decoder with states", "plain LSTM"] as const)(
    "a %s after it trains on the loss predict() computes",
    async (after) => {
      const model = seq2seq(after);
      // Learning rate 0: fit's reported loss is the training forward pass on unchanged weights.
      model.compile({ optimizer: tf.train.sgd(0), loss: "meanSquaredError" });
      const xs = tf.randomNormal([3, 5, 3], 0, 1, "float32", 7);
      const ys = tf.randomNormal([3, 5, 2], 0, 1, "float32", 8);
      const history = await model.fit(xs, ys, { epochs: 1, batchSize: 3, verbose: 0 });
      const want = tf.tidy(() => tf.losses.meanSquaredError(ys, model.predict(xs) as tf.Tensor).dataSync()[0]);
      expect(history.history.loss[0] as number).toBeCloseTo(want, 5);
      tf.dispose([xs, ys]);
      model.dispose();
    },
  );
});
