import { expect, type Page } from "@playwright/test";
import { GraphBuilder } from "../../shared/ir/builder";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../../shared/ir/project";

/** Input (28, 28, 1) -> Conv2D 32 3x3 -> Flatten -> Dense 10 softmax, laid out on two rows. */
export function smallCnn(): Project {
  const b = new GraphBuilder();
  b.chain(
    null,
    ["Input", { shape: [28, 28, 1] }],
    ["Conv2D", { filters: 32, kernelSize: [3, 3], activation: "relu" }],
    ["Flatten"],
    ["Dense", { units: 10, activation: "softmax" }],
  );
  const graph = b.build();
  const at = [
    { x: 0, y: 0 },
    { x: 300, y: 0 },
    { x: 0, y: 200 },
    { x: 300, y: 200 },
  ];
  graph.nodes.forEach((n, i) => {
    n.position = at[i];
  });
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: "Small CNN", graph, data: null, training: {} };
}

/** A 6-block CNN on one row, as auto-layout places a chain (a block every 300 px). */
export function sixBlockCnn(): Project {
  const b = new GraphBuilder();
  b.chain(
    null,
    ["Input", { shape: [28, 28, 1] }],
    ["Conv2D", { filters: 16, kernelSize: [3, 3], activation: "relu" }],
    ["MaxPooling2D", { poolSize: [2, 2] }],
    ["Conv2D", { filters: 32, kernelSize: [3, 3], activation: "relu" }],
    ["Flatten"],
    ["Dense", { units: 10, activation: "softmax" }],
  );
  const graph = b.build();
  graph.nodes.forEach((n, i) => {
    n.position = { x: i * 300, y: 0 };
  });
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: "Six-block CNN", graph, data: null, training: {} };
}

/** Opens a project document in the page's editor as File > Open does (renderer/main.tsx's test hook). */
export async function loadProject(page: Page, project: Project): Promise<void> {
  await page.waitForFunction(() => window.__netforge !== undefined);
  await page.evaluate((p) => window.__netforge?.load(p), project);
  await settledViewport(page);
}

/** Waits until the canvas stops moving (opening fits the view with a short animation). */
export async function settledViewport(page: Page): Promise<void> {
  let last = "";
  await expect
    .poll(
      async () => {
        const now = await page.locator(".react-flow__viewport").getAttribute("style");
        const same = now === last;
        last = now ?? "";
        return same;
      },
      { intervals: [100, 100, 150, 250] },
    )
    .toBe(true);
}
