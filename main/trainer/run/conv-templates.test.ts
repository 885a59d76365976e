import { describe, expect, it } from "vitest";
import { inferGraph } from "../../../shared/shapes/infer";
import { checkTemplateBuilds, checkTrainedTemplate } from "../testing/template-check";
import { trainedRuns } from "./evaluate-fixtures";

/**
 * The convolutional templates of the course (issue 15): each builds with tfjs' shapes and
 * parameter counts, trains one epoch on its bundled data, evaluates, and exports ONNX whose
 * outputs match the trained model. The targets their defaults reach are in each file's lesson.
 */
const trained = trainedRuns();

/**
 * LeNet-5 at the inventory's canonical sizes (inventory-notes-003-004.md, T11: 32x32 -> C1 6@5x5
 * -> S2 -> C3 16@5x5 -> S4 -> C5 120 -> F6 84 -> 10) and the parameters those sizes give: C1
 * 6*(5*5*1)+6, C3 16*(5*5*6)+16 (every S2 map feeds every C3 map; the 1998 paper's connection
 * table gives 1,516), C5 120*(5*5*16)+120, F6 84*120+84, output 10*84+10. Average pooling has no
 * weights here (the paper's subsampling had 2 per map).
 */
const LENET: Record<string, [shape: number[], params: number]> = {
  C1: [[28, 28, 6], 156],
  S2: [[14, 14, 6], 0],
  C3: [[10, 10, 16], 2_416],
  S4: [[5, 5, 16], 0],
  C5: [[1, 1, 120], 48_120],
  F6: [[84], 10_164],
  output: [[10], 850],
};

/**
 * The Fashion-MNIST templates train here on the bundled test split (500 images, the same format
 * and classes) rather than their 2,000 training images: a quarter of the time, same code path.
 */
function smaller(data: unknown) {
  const spec = data as { source: { kind: string; images?: string; labels?: string } };
  if (spec.source.kind !== "idx") return data as never;
  const t10k = (p?: string) => p?.replace("/train-", "/t10k-");
  return {
    ...spec,
    source: { ...spec.source, images: t10k(spec.source.images), labels: t10k(spec.source.labels) },
  } as never;
}

describe("convolutional templates", () => {
  it.each(["digits-cnn", "fashion-mnist-cnn", "shapes-cnn", "lenet-5", "residual-block", "densenet-block"])(
    "%s builds, trains an epoch on its data, evaluates and exports with parity",
    async (name) => {
      const project = checkTemplateBuilds(name);
      await checkTrainedTemplate(name, await trained(name, { epochs: 1 }, { data: smaller(project.data) }));
    },
    120_000,
  );

  it("lenet-5 has the canonical layer sizes and parameter counts, 61,706 in all, and says so", () => {
    const project = checkTemplateBuilds("lenet-5");
    const analysis = inferGraph(project.graph);
    const byName = Object.fromEntries(
      Object.values(analysis.nodes).map((n) => [n.name ?? n.id, [n.outputShapes?.[0], n.paramCount.total]]),
    );
    for (const [layer, golden] of Object.entries(LENET)) expect(byName[layer], layer).toEqual(golden);
    expect(analysis.totals.total).toBe(61_706);
    for (const count of ["156", "2,416", "48,120", "10,164", "850", "61,706"])
      expect(project.description).toContain(count);
  });
});
