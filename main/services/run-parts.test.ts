import { describe, expect, it } from "vitest";
import { partsText, runParts } from "./run-parts";

const table = (test: number) => ({
  data: { kind: "table", spec: { source: { kind: "table", path: "/d/iris.csv" }, split: { validation: 0.2, test } } },
});

describe("the parts of a run's split", () => {
  it("has validation only when the run validated, test only when its spec holds one out", () => {
    expect(runParts(table(0.2), [{ epoch: 1, loss: 1, val_loss: 2 }])).toEqual(["validation", "test", "train"]);
    expect(runParts(table(0), [{ epoch: 1, loss: 1, val_loss: null }])).toEqual(["validation", "train"]);
    expect(runParts(table(0.2), [{ epoch: 1, loss: 1 }])).toEqual(["test", "train"]);
    expect(runParts({ data: { kind: "inline", samples: 4 } }, [{ epoch: 1, loss: 1 }])).toEqual(["train"]);
    expect(runParts(null, [])).toEqual(["train"]);
  });

  it("gives a GAN its training part only", () => {
    const graph = {
      format: "netforge.graph",
      version: 1,
      nodes: [
        { id: "g", kind: "GANGenerator", params: {} },
        { id: "d", kind: "GANDiscriminator", params: {} },
      ],
      edges: [],
    };
    expect(runParts({ graph, ...table(0.2) }, [{ epoch: 1, loss: 1, val_loss: 1 }])).toEqual(["train"]);
  });

  it("names them in a sentence", () => {
    expect(partsText(["validation", "test", "train"])).toBe("validation, test and training");
    expect(partsText(["train"])).toBe("training");
  });
});
