import { existsSync, readdirSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { InlineDatasetSchema } from "../../shared/datasets/inline";
import { resolveSourcePaths } from "../../shared/datasets/paths";
import { DatasetSpecSchema } from "../../shared/datasets/spec";
import { probeSource } from "../data/probe";
import { Templates } from "./templates";

const DIR = join(import.meta.dirname, "../../resources/templates");
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith(".netforge.json"))
  .map((f) => f.slice(0, -".netforge.json".length));
const templates = new Templates(DIR);

/**
 * "Open" in the gallery gives a project ready to train: its data is bound (bundled files found by
 * absolute paths, wherever the project is saved next), it loads, and one sample has the shape the
 * graph's Input expects. Every data kind the templates use is covered.
 */
describe("a template opened from the gallery", () => {
  it("covers every kind of data the templates bundle", async () => {
    const kinds = new Set((await templates.list()).map((t) => t.dataKind));
    for (const kind of ["table", "idx", "imageFolder", "timeSeries", "text", "sentencePairs", "npy", "inline"]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it.each(ids)("%s has its data bound and loadable, shaped for its Input", async (id) => {
    const project = await templates.get(id);
    expect(project.data, `${id} has no data`).not.toBeNull();
    const inline = InlineDatasetSchema.safeParse(project.data);
    const spec = DatasetSpecSchema.parse(inline.success ? { source: inline.data } : project.data);
    const paths: string[] = [];
    resolveSourcePaths(spec, (p) => {
      paths.push(p);
      return p;
    });
    for (const p of paths) {
      expect(isAbsolute(p), `${id}: ${p} is relative`).toBe(true);
      expect(existsSync(p), `${id}: ${p} is missing`).toBe(true);
    }
    const summary = await probeSource(spec);
    expect(summary.rows, id).toBeGreaterThan(0);
    const inputs = project.graph.nodes.filter((n) => n.kind === "Input");
    if (inputs.length === 1 && summary.inputShape) {
      expect(summary.inputShape, `${id}: one sample's shape`).toEqual(inputs[0].params?.shape);
    }
  });
});
