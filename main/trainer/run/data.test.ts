import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { parseTrainingConfig } from "../../../shared/training/config";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { DataError, prepareData } from "./data";

const config = (raw: Record<string, unknown>) => {
  const r = parseTrainingConfig(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
};

describe("prepareData", () => {
  beforeAll(() => useBackend("cpu"));
  const classifier = () => compileGraph(sequential([2], ["Dense", { units: 3, activation: "softmax" }]));
  const x = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [2, 2],
  ];

  it("one-hot encodes class ids for categorical losses and keeps ids for the sparse one", () => {
    const c = classifier();
    const cat = prepareData(
      { kind: "inline", x, y: [0, 1, 2, 1, 0] },
      c,
      config({ loss: { type: "categoricalCrossentropy" }, validation: { type: "none" } }),
    );
    expect(cat.y.shape).toEqual([5, 3]);
    expect(Array.from(cat.y.dataSync()).slice(0, 6)).toEqual([1, 0, 0, 0, 1, 0]);
    cat.dispose();
    const sparse = prepareData(
      { kind: "inline", x, y: [0, 1, 2, 1, 0] },
      c,
      config({ loss: { type: "sparseCategoricalCrossentropy" }, validation: { type: "none" } }),
    );
    expect(sparse.y.shape).toEqual([5]);
    expect(sparse.y.dtype).toBe("int32");
    sparse.dispose();
    c.model.dispose();
  });

  it("splits off the last fraction for validation, or uses the dataset's own validation set", () => {
    const c = classifier();
    const split = prepareData(
      { kind: "inline", x, y: [0, 1, 2, 1, 0] },
      c,
      config({ loss: { type: "sparseCategoricalCrossentropy" }, validation: { type: "split", fraction: 0.4 } }),
    );
    expect(split.n).toBe(3);
    expect(split.validation?.x.arraySync()).toEqual([
      [1, 1],
      [2, 2],
    ]);
    split.dispose();
    const own = prepareData(
      { kind: "inline", x, y: [0, 1, 2, 1, 0], validation: { x: [[5, 5]], y: [2] } },
      c,
      config({ loss: { type: "sparseCategoricalCrossentropy" } }),
    );
    expect(own.n).toBe(5);
    expect(own.validation?.x.arraySync()).toEqual([[5, 5]]);
    own.dispose();
    c.model.dispose();
  });

  it.each([
    [
      { kind: "inline", x: [[1, 2, 3]], y: [0] },
      'x (the Input "input_1"): expected samples of shape [2]; received [3]',
    ],
    [{ kind: "inline", x: [[1, 2], [3]], y: [0, 1] }, "sample 1 has shape [1], sample 0 has [2]"],
    [
      { kind: "inline", x: [[1, 2]], y: [7] },
      "expected class ids 0..2 (the output has 3 units); received 7 at sample 0",
    ],
    [
      { kind: "inline", x: [[1, 2]], y: [0], validation: { x: [[1, 2, 3]], y: [0] } },
      'validation x (the Input "input_1"): expected samples of shape [2]; received [3]',
    ],
  ] as const)("refuses data that does not fit the model: %j", (data, message) => {
    const c = classifier();
    expect(() => prepareData(data as never, c, config({ loss: { type: "sparseCategoricalCrossentropy" } }))).toThrow(
      DataError,
    );
    expect(() => prepareData(data as never, c, config({ loss: { type: "sparseCategoricalCrossentropy" } }))).toThrow(
      message,
    );
    c.model.dispose();
  });
});
