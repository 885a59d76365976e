import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTrainingConfig } from "../../../shared/training/config";
import { useBackend } from "../testing/tf-setup";
import { scoring } from "./scoring";

/** Sequence targets padded with class 0: the padded steps count in neither the loss nor the metrics. */
const config = (loss: Record<string, unknown>) => {
  const parsed = parseTrainingConfig({ loss, metrics: ["accuracy"] });
  if (!parsed.ok) throw new Error("bad config");
  return parsed.config;
};
const SPARSE = config({ type: "sparseCategoricalCrossentropy" });

/** Mean over the real (non-padding) steps of -log p[label], in float64. */
function expectedLoss(labels: number[][], probs: number[][][]): number {
  let sum = 0;
  let n = 0;
  for (const [b, row] of labels.entries()) {
    for (const [t, c] of row.entries()) {
      if (c === 0) continue;
      sum -= Math.log(Math.min(Math.max(probs[b][t][c], 1e-7), 1 - 1e-7));
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

describe("scoring with a padding class", () => {
  beforeAll(() => useBackend("cpu"));

  it("accuracy counts only real steps: right on padding, wrong elsewhere is 0, not the padding share", () => {
    const y = tf.tensor2d([[2, 1, 0, 0]], undefined, "int32");
    const p = tf.oneHot(tf.tensor2d([[1, 2, 0, 0]], undefined, "int32"), 3).toFloat();
    const masked = scoring(SPARSE, 0).metrics();
    masked.update(y, p);
    expect(masked.values().accuracy).toBe(0);
    const plain = scoring(SPARSE).metrics();
    plain.update(y, p);
    expect(plain.values().accuracy).toBe(0.5);
    tf.dispose([y, p]);
  });

  it("loss is the mean crossentropy over real steps, sparse and one-hot alike; 0 for all padding", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (labels, seed) => {
          const logits = tf.randomNormal([labels.length, 3, 4], 0, 3, "float32", seed);
          const p = tf.softmax(logits);
          const probs = p.arraySync() as number[][][];
          const want = expectedLoss(labels, probs);
          const ids = tf.tensor2d(labels, undefined, "int32");
          const oneHot = tf.oneHot(ids, 4).toFloat();
          const sparse = scoring(SPARSE, 0).loss(ids, p).dataSync()[0];
          const categorical = scoring(config({ type: "categoricalCrossentropy" }), 0)
            .loss(oneHot, p)
            .dataSync()[0];
          const fromLogits = scoring(config({ type: "sparseCategoricalCrossentropy", fromLogits: true }), 0)
            .loss(ids, logits)
            .dataSync()[0];
          tf.dispose([logits, p, ids, oneHot]);
          expect(sparse).toBeCloseTo(want, 4);
          expect(categorical).toBeCloseTo(want, 4);
          expect(fromLogits).toBeCloseTo(want, 3);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});
