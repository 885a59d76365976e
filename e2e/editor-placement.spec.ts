import { expect, type Locator, type Page, test } from "@playwright/test";
import { flowNode, openEditor, paletteItem, pane, selectNode } from "./helpers/editor";
import { loadProject, settledViewport, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Where new blocks land: pasted and duplicated copies beside their originals, not on top; copies of
 * blocks scrolled out of view at the pointer; a palette double-click inside the visible canvas,
 * clear of the inspector. Checked on the boxes Chromium lays out.
 */
const { app } = sandboxedHost();

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, smallCnn());
});

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error("expected the element on screen; it has no box");
  return b;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) =>
  a.x >= outer.x &&
  a.y >= outer.y &&
  a.x + a.width <= outer.x + outer.width &&
  a.y + a.height <= outer.y + outer.height;
const canvas = (page: Page) => page.getByRole("region", { name: "Canvas" });

test("a pasted copy and a duplicate land beside the original, on screen", async ({ page }) => {
  await selectNode(page, "flatten_1");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(flowNode(page, "flatten_2")).toBeVisible();
  await page.keyboard.press("Control+d");
  await expect(flowNode(page, "flatten_3")).toBeVisible();
  // Copies that landed off screen are scrolled into view: wait for that pan to end.
  await settledViewport(page);
  await page.screenshot({ path: test.info().outputPath("pasted.png") });
  const boxes = await Promise.all(["flatten_1", "flatten_2", "flatten_3"].map((id) => box(flowNode(page, id))));
  expect(overlap(boxes[0], boxes[1])).toBe(false);
  expect(overlap(boxes[1], boxes[2])).toBe(false);
  expect(overlap(boxes[0], boxes[2])).toBe(false);
  // On screen, and not under the canvas' own panels (minimap, zoom buttons).
  const area = await box(canvas(page));
  const panels = await Promise.all((await page.locator(".react-flow__panel").all()).map(box));
  for (const b of boxes.slice(1)) {
    expect(inside(b, area)).toBe(true);
    for (const p of panels) expect(overlap(b, p)).toBe(false);
  }
});

test("copies of blocks scrolled out of view come to the pointer", async ({ page }) => {
  await selectNode(page, "conv2d_1");
  await page.keyboard.press("Control+c");
  // Drag the view until the original is off screen.
  const area = await box(canvas(page));
  for (let i = 0; i < 3 && (await flowNode(page, "conv2d_1").isVisible()); i++) {
    await page.mouse.move(area.x + 30, area.y + 30);
    await page.mouse.down();
    await page.mouse.move(area.x + 30, area.y + area.height - 30, { steps: 8 });
    await page.mouse.up();
  }
  await expect(flowNode(page, "conv2d_1")).not.toBeInViewport();
  const at = { x: area.x + area.width / 2, y: area.y + 80 };
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press("Control+v");
  const copy = await box(flowNode(page, "conv2d_2"));
  expect(inside(copy, area)).toBe(true);
  expect(Math.abs(copy.x - at.x)).toBeLessThan(2);
  expect(Math.abs(copy.y - at.y)).toBeLessThan(2);
});

test("a palette double-click with nothing selected places the block in the free visible canvas", async ({ page }) => {
  await pane(page).click({ position: { x: 10, y: 10 } });
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveCount(0);
  await paletteItem(page, "Dropout").dblclick();
  const added = await box(flowNode(page, "dropout_1"));
  await page.screenshot({ path: test.info().outputPath("double-click.png") });
  expect(inside(added, await box(canvas(page)))).toBe(true);
  expect(overlap(added, await box(page.getByRole("complementary", { name: "Inspector" })))).toBe(false);
  for (const id of ["input_1", "conv2d_1", "flatten_1", "dense_1"]) {
    expect(overlap(added, await box(flowNode(page, id))), id).toBe(false);
  }
});
