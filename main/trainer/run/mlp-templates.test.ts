import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { inferGraph } from "../../../shared/shapes/infer";
import { checkTemplateBuilds, checkTrainedTemplate } from "../testing/template-check";
import { trainedRuns } from "./evaluate-fixtures";

/**
 * The multilayer templates of the course (issue 15): the notes' 4-3-2-1 MLP and a multi-label
 * classifier. Each builds, trains briefly on its inline data, evaluates and exports with parity.
 */
const trained = trainedRuns();

describe("multilayer templates", () => {
  it("mlp-4-3-2-1 is the notes' network: 4 inputs, layers of 3, 2 and 1 neurons, 26 parameters", async () => {
    const project = checkTemplateBuilds("mlp-4-3-2-1");
    const dense = project.graph.nodes.filter((n) => n.kind === "Dense").map((n) => n.params.units);
    expect(dense).toEqual([3, 2, 1]);
    expect(project.graph.nodes.find((n) => n.kind === "Input")?.params.shape).toEqual([4]);
    expect(inferGraph(project.graph).totals.total).toBe(4 * 3 + 3 + 3 * 2 + 2 + 2 * 1 + 1);
    await checkTrainedTemplate("mlp-4-3-2-1", await trained("mlp-4-3-2-1", { epochs: 2 }));
  }, 60_000);

  it("multi-label answers each property on its own: samples with two or three labels get them all", async () => {
    checkTemplateBuilds("multi-label");
    const run = await trained("multi-label", { epochs: 30 });
    await checkTrainedTemplate("multi-label", run);
    const data = run.start.data as { x: number[][]; y: number[][] };
    const several = data.x.filter((_, i) => data.y[i].reduce((a, b) => a + b, 0) >= 2);
    const want = data.y.filter((y) => y.reduce((a, b) => a + b, 0) >= 2);
    const model = run.handle.model as tf.LayersModel;
    const got = tf.tidy(() => (model.predict(tf.tensor2d(several)) as tf.Tensor).arraySync() as number[][]);
    // Subset accuracy (every label right) on the points a softmax could not answer at all.
    const exact = got.filter((p, i) => p.every((v, j) => (v > 0.5 ? 1 : 0) === want[i][j])).length;
    expect(several.length).toBeGreaterThan(50);
    expect(exact / several.length).toBeGreaterThan(0.8);
  }, 60_000);
});
