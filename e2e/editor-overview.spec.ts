import { expect, type Page, test } from "@playwright/test";
import { GraphBuilder } from "../shared/ir/builder";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../shared/ir/project";
import { blockCentre, canvasZoom, flowNode, openEditor } from "./helpers/editor";
import { loadProject, settledViewport } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The zoomed-out canvas (renderer/canvas/overview): below the level of detail every block is
 * painted on one canvas and no node component is mounted, yet blocks are still selected, dragged
 * (one undo step), box-selected, named by a tooltip and zoomed into.
 */
const { app } = sandboxedHost();

/** 40 layers on 4 rows of 10; a Conv2D on a vector is the one error. */
function fortyLayers(): Project {
  const b = new GraphBuilder();
  const kinds: [string, Record<string, unknown>?][] = [["Input", { shape: [64] }]];
  for (let i = 1; i < 40; i++) {
    if (i === 17) kinds.push(["Conv2D", { filters: 8, kernelSize: [3, 3] }]);
    else kinds.push(i % 2 ? ["Dense", { units: 32, activation: "relu" }] : ["Dropout", { rate: 0.1 }]);
  }
  b.chain(null, ...kinds);
  const graph = b.build();
  graph.nodes.forEach((n, i) => {
    n.position = { x: (i % 10) * 300, y: Math.floor(i / 10) * 200 };
  });
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: "Forty", graph, data: null, training: {} };
}

const overview = (page: Page) => page.getByRole("img", { name: /^Overview of 40 layers/ });
const positionOf = (page: Page, id: string) =>
  page.evaluate((id) => window.__netforge?.editor.project().graph.nodes.find((n) => n.id === id)?.position, id);

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, fortyLayers());
  // The project opens at a readable zoom on its start; zoom to fit shows all 40 below it.
  await expect(flowNode(page, "input_1")).toBeVisible();
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await settledViewport(page);
  await expect(overview(page)).toBeVisible();
});

test("zoomed out, every block is painted on one canvas and none is mounted", async ({ page }) => {
  expect(await canvasZoom(page)).toBeLessThan(0.45);
  await expect(overview(page)).toHaveAttribute("data-blocks", "40");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("overview.png") });

  // The tooltip names the block under the pointer, with its problems.
  const conv = await blockCentre(page, "conv2d_1");
  await page.mouse.move(conv.x, conv.y);
  await expect(page.getByRole("tooltip")).toHaveText(/^Conv2D conv2d_1 .*1 problem/);

  // Zooming in past the level of detail brings the components back.
  for (let i = 0; i < 8 && (await canvasZoom(page)) < 0.45; i++) {
    await page.getByRole("button", { name: "Zoom In" }).click();
    await settledViewport(page);
  }
  await expect(overview(page)).toHaveCount(0);
  expect(await page.locator(".react-flow__node").count()).toBeGreaterThan(0);
});

test("a click selects a painted block, a drag moves it as one undo step", async ({ page }) => {
  const zoom = await canvasZoom(page);
  const before = await positionOf(page, "dense_3");
  const at = await blockCentre(page, "dense_3");
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveValue("dense_3");

  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 30, at.y + 10, { steps: 4 });
  await page.mouse.move(at.x + 60, at.y + 30, { steps: 4 });
  await page.mouse.up();
  const after = await positionOf(page, "dense_3");
  expect(after?.x).toBeCloseTo((before?.x ?? 0) + 60 / zoom, 0);
  expect(after?.y).toBeCloseTo((before?.y ?? 0) + 30 / zoom, 0);
  // The block stays selected and the view did not pan under the drag.
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveValue("dense_3");
  expect(await canvasZoom(page)).toBe(zoom);
  await page.screenshot({ path: test.info().outputPath("overview-dragged.png") });

  await page.keyboard.press("Control+z");
  expect(await positionOf(page, "dense_3")).toEqual(before);
});

test("Shift-drag selects the blocks inside the box; a double-click zooms in on a block", async ({ page }) => {
  const first = await blockCentre(page, "input_1");
  const last = await blockCentre(page, "dense_5");
  const zoom = await canvasZoom(page);
  // Around the first row only (blocks are 220 wide, at most about 150 tall; rows 200 apart).
  const [x0, x1] = [first.x - 130 * zoom, last.x + 130 * zoom];
  await page.keyboard.down("Shift");
  await page.mouse.move(x0, first.y - 80 * zoom);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, first.y, { steps: 3 });
  await page.mouse.move(x1, first.y + 120 * zoom, { steps: 3 });
  await page.screenshot({ path: test.info().outputPath("overview-box.png") });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByRole("heading", { name: "10 blocks" })).toBeVisible();
  const selected = await page.evaluate(() => window.__netforge?.editor.ui.getState().selection.nodes.length);
  expect(selected).toBe(10);

  const conv = await blockCentre(page, "conv2d_1");
  await page.mouse.dblclick(conv.x, conv.y);
  await settledViewport(page);
  await expect(flowNode(page, "conv2d_1")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveValue("conv2d_1");
});

test("the minimap draws every block at any zoom, and a press in it moves the view there", async ({ page }) => {
  const minimap = page.getByRole("img", { name: /^Minimap/ });
  // Blocks are painted in their category colours over the panel's plain background.
  const coloured = () =>
    minimap.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      const colours = new Set<string>();
      for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return colours.size;
    });
  expect(await coloured()).toBeGreaterThan(3);
  const zoom = await canvasZoom(page);
  const before = await page.locator(".react-flow__viewport").getAttribute("style");
  const box = await minimap.boundingBox();
  if (!box) throw new Error("no minimap");
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect.poll(() => page.locator(".react-flow__viewport").getAttribute("style")).not.toBe(before);
  expect(await canvasZoom(page)).toBeCloseTo(zoom, 5);
});
