import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { mulberry32 } from "../../../shared/random";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { useBackend } from "../testing/tf-setup";
import { startRun } from "./fit";

/**
 * Recurrent models reduce their loss on a small synthetic sequence task: is the sum of a sequence
 * of +-1 steps positive? (The answer needs the whole sequence, not its last step.)
 */
const random = mulberry32(2024);
const x = Array.from({ length: 128 }, () => Array.from({ length: 8 }, () => [random() < 0.5 ? -1 : 1]));
const y = x.map((seq) => (seq.reduce((s, [v]) => s + v, 0) > 0 ? 1 : 0));

const cases: [string, [string, Record<string, unknown>][]][] = [
  ["SimpleRNN", [["SimpleRNN", { units: 8 }]]],
  ["LSTM", [["LSTM", { units: 8 }]]],
  ["GRU", [["GRU", { units: 8 }]]],
  ["Bidirectional LSTM", [["Bidirectional", { layer: { kind: "LSTM", params: { units: 6 } }, mergeMode: "concat" }]]],
  [
    "stacked GRU",
    [
      ["GRU", { units: 8, returnSequences: true }],
      ["GRU", { units: 8 }],
    ],
  ],
  [
    "self-attention",
    [
      ["Dense", { units: 8 }],
      ["TransformerEncoderBlock", { numHeads: 2, ffDim: 16, dropout: 0 }],
      ["GlobalAveragePooling1D", {}],
    ],
  ],
];

describe.each(["cpu", "wasm"] as const)("sequence models on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(cases)(
    "%s reduces the loss",
    async (_name, layers) => {
      const graph = sequential([8, 1], ...layers, ["Dense", { units: 1, activation: "sigmoid" }]);
      const messages: TrainerMessage[] = [];
      const training = {
        loss: { type: "binaryCrossentropy" },
        optimizer: { type: "adam" },
        learningRate: 0.02,
        epochs: 15,
        batchSize: 16,
        validation: { type: "none" },
        seed: 1,
      };
      const run = startRun({ type: "start", runId: "seq", graph, training, data: { kind: "inline", x, y } }, (m) =>
        messages.push(m),
      );
      await run.finished;
      expect(messages.filter((m) => m.type === "error")).toEqual([]);
      const losses = messages.flatMap((m) => (m.type === "epoch" ? [m.metrics.loss as number] : []));
      expect(losses.at(-1)).toBeLessThan(0.75 * losses[0]);
      run.dispose();
    },
    120_000,
  );
});
