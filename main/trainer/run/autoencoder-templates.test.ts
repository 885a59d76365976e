import { beforeAll, describe, expect, it } from "vitest";
import { checkTemplate } from "../testing/template-check";
import { useBackend } from "../testing/tf-setup";

/**
 * The autoencoder templates on the bundled digits (a .npy x alone: targets = inputs): each builds,
 * trains an epoch, evaluates as an autoencoder (reconstructions) and exports with parity; the
 * lesson targets were measured with the full defaults (see each template's lesson).
 */
const CODE: Record<string, number> = {
  "ae-basic": 16,
  "ae-stacked": 12,
  "ae-sparse": 32,
  "ae-undercomplete": 8,
  "ae-overcomplete": 128,
  "ae-denoising-conv": 32,
};

beforeAll(() => useBackend("wasm"));

describe("the autoencoder templates", () => {
  it.each(Object.keys(CODE))(
    "%s trains, reconstructs and exports",
    async (name) => {
      const r = await checkTemplate(name, { epochs: 1 });
      expect(r.project.lesson?.unit).toBe("Autoencoders");
      expect(r.analysis.ok).toBe(true);
      expect(r.shapes.length).toBe(r.project.graph.nodes.length);
      for (const s of r.shapes) expect(s.tfjs, s.id).toEqual(s.inferred);
      // The output is the input's shape: the image the autoencoder rebuilds.
      expect(r.shapes.at(-1)?.inferred).toEqual([null, 8, 8, 1]);
      // The code (the narrowest point) has the size the lesson names.
      const sizes = r.shapes
        .slice(1, -1)
        .map((s) => s.inferred.slice(1).reduce((a, d) => (a as number) * (d as number), 1));
      expect(Math.min(...(sizes as number[]))).toBe(name === "ae-overcomplete" ? 64 : CODE[name]);
      expect(r.report).toMatchObject({ task: "autoencoder" });
      expect(r.epochs[0].val_loss).toBeLessThan(0.1);
      expect(r.maxAbsDiff).toBeLessThan(1e-4);
    },
    60_000,
  );

  it("the sparse one penalises its code's activity, so its training loss carries the L1 term", async () => {
    const r = await checkTemplate("ae-sparse", { epochs: 2 });
    const code = r.project.graph.nodes.find((n) => n.id === "code");
    expect(code?.params.activityRegularizer).toEqual({ l1: 0.0005, l2: 0 });
    // Validation is the reconstruction error alone; training adds lambda * sum |a| on top.
    expect(r.epochs[1].loss).toBeGreaterThan(r.epochs[1].val_loss);
  }, 60_000);

  it("the under- and overcomplete ones differ only in the code size", async () => {
    const { template } = await import("../testing/run-template");
    const [under, over] = [template("ae-undercomplete"), template("ae-overcomplete")];
    expect(over.training).toEqual(under.training);
    const code = (t: typeof under) => t.graph.nodes.find((n: { id: string }) => n.id === "code");
    expect({ ...code(over), params: { ...code(over).params, units: 8 } }).toEqual(code(under));
    expect(over.graph.edges).toEqual(under.graph.edges);
  });
});
