import { expect, type Page, test } from "@playwright/test";
import { canvasZoom, flowNode, openEditor, paletteItem, selectNode } from "./helpers/editor";
import { STALL_MS } from "./helpers/patience";
import { loadProject, settledViewport, sixBlockCnn, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/** Canvas commands through their shortcuts and the palette's keyboard and double-click paths. */
const { app } = sandboxedHost();

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, smallCnn());
});

const nodes = (page: Page) => page.locator(".react-flow__node");
const edges = (page: Page) => page.locator(".react-flow__edge");

test("Enter and double-click in the palette add a block after the selected one and wire it", async ({ page }) => {
  await selectNode(page, "dense_1");
  await paletteItem(page, "Dropout").focus();
  await page.keyboard.press("Enter");
  await expect(flowNode(page, "dropout_1")).toBeVisible();
  await expect(edges(page)).toHaveCount(4);
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveValue("dropout_1");

  // The new block is selected, so a double-click chains the next one after it.
  await paletteItem(page, "Activation").dblclick();
  await expect(flowNode(page, "activation_1")).toBeVisible();
  await expect(edges(page)).toHaveCount(5);
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
});

test("copy, paste, duplicate and delete with the keyboard, each one undo step", async ({ page }) => {
  await selectNode(page, "conv2d_1");
  await flowNode(page, "flatten_1")
    .locator(".layer-node-head")
    .click({ modifiers: ["Control"] });
  await expect(page.getByRole("heading", { name: "2 blocks" })).toBeVisible();

  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(nodes(page)).toHaveCount(6);
  await expect(edges(page)).toHaveCount(4);
  await page.keyboard.press("Control+d");
  await expect(nodes(page)).toHaveCount(8);
  await page.keyboard.press("Delete");
  await expect(nodes(page)).toHaveCount(6);
  await page.keyboard.press("Control+z");
  await expect(nodes(page)).toHaveCount(8);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expect(nodes(page)).toHaveCount(4);
});

test("groups blocks into a named block, collapses, expands and ungroups it", async ({ page }) => {
  await selectNode(page, "conv2d_1");
  await flowNode(page, "flatten_1")
    .locator(".layer-node-head")
    .click({ modifiers: ["Control"] });
  await page.keyboard.press("Control+g");
  const frame = page.locator(".react-flow__node-frame");
  await expect(frame).toHaveCount(1);
  const name = (await frame.locator(".group-node-title span").first().textContent()) ?? "";
  await page.screenshot({ path: test.info().outputPath("grouped.png") });

  await page.getByRole("button", { name: `Collapse block ${name}` }).click();
  const block = page.locator(".react-flow__node-block");
  await expect(block).toHaveCount(1);
  await expect(flowNode(page, "conv2d_1")).toHaveCount(0);
  // The collapsed block shows what leaves it and what it weighs.
  await expect(block.getByTestId("output-shape")).toHaveText("(21632)");
  await expect(block.locator(".layer-node-count")).toHaveText("320 params");
  await page.screenshot({ path: test.info().outputPath("collapsed.png") });

  await page.getByRole("button", { name: `Expand block ${name}` }).click();
  await expect(flowNode(page, "conv2d_1")).toBeVisible();
  await page.getByRole("button", { name: `Ungroup block ${name}` }).click();
  await expect(frame).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
});

test("the help overlay lists the shortcuts from the command registry", async ({ page }) => {
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const title of [
    "Undo",
    "Redo",
    "Copy",
    "Paste",
    "Duplicate",
    "Group into a block",
    "Auto-layout",
    "Zoom to fit",
  ]) {
    await expect(help.getByText(title, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath("help.png") });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("scrolling zooms and dragging empty canvas pans, as the help overlay says", async ({ page }) => {
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const row = (what: string) => help.locator(".shortcut-row").filter({ has: page.getByText(what, { exact: true }) });
  await expect(row("Zoom")).toHaveText("ZoomScroll, or pinch");
  await expect(row("Pan")).toHaveText("PanDrag the canvas");
  await page.keyboard.press("Escape");
  // Closed before the wheel turns: on a loaded machine the overlay was still up and took it.
  await expect(help).toBeHidden();

  const viewport = page.locator(".react-flow__viewport");
  const transform = async () => (await viewport.getAttribute("style")) ?? "";
  const box = await page.locator(".react-flow__pane").boundingBox();
  if (!box) throw new Error("no canvas");
  // An empty corner of the canvas, clear of blocks, the minimap and the controls.
  const [x, y] = [box.x + box.width - 60, box.y + 40];
  const before = await canvasZoom(page);
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -200);
  // A starved renderer handles the wheel late: waited on as long as any work may stall.
  await expect.poll(() => canvasZoom(page), { timeout: STALL_MS }).toBeGreaterThan(before);

  const [zoomed, zoom] = [await transform(), await canvasZoom(page)];
  await page.mouse.down();
  await page.mouse.move(x - 80, y + 60, { steps: 4 });
  await page.mouse.up();
  expect(await transform()).not.toBe(zoomed);
  expect(await canvasZoom(page)).toBe(zoom);
});

/** Zooms far out, then fits with `how`, and waits until the fitted view has settled. */
async function fitFromAfar(page: Page, how: "key" | "toolbar"): Promise<number> {
  const zoomOut = page.getByRole("button", { name: "Zoom Out" });
  while (await zoomOut.isEnabled()) await zoomOut.click();
  await settledViewport(page);
  const far = await canvasZoom(page);
  if (how === "key") {
    await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
    await page.keyboard.press("f");
  } else await page.getByRole("button", { name: "Zoom to fit" }).click();
  await expect.poll(() => canvasZoom(page), { timeout: STALL_MS }).toBeGreaterThan(far);
  await settledViewport(page);
  return canvasZoom(page);
}

test("zoom to fit keeps a graph that fits at a readable zoom readable, and never zooms in past 1", async ({ page }) => {
  // A canvas 900 px wide: the 6-block CNN (1720 px) fits at the level of detail (0.45), but not
  // with the usual margin.
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no canvas");
  await page.setViewportSize({ width: Math.round(1280 - pane.width + 900), height: 800 });
  await loadProject(page, sixBlockCnn());
  for (const how of ["key", "toolbar"] as const) {
    const zoom = await fitFromAfar(page, how);
    expect(zoom, how).toBeGreaterThanOrEqual(0.45);
    const box = await page.locator(".react-flow__pane").boundingBox();
    await expect(nodes(page)).toHaveCount(6);
    for (const block of await nodes(page).all()) {
      const at = await block.boundingBox();
      expect(at && box && at.x >= box.x && at.x + at.width <= box.x + box.width, how).toBe(true);
    }
  }
  await page.screenshot({ path: test.info().outputPath("six-block-cnn-fitted.png") });

  await loadProject(page, smallCnn());
  for (const how of ["key", "toolbar"] as const) expect(await fitFromAfar(page, how), how).toBeLessThanOrEqual(1);
});
