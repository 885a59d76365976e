import { expect, type Page, test } from "@playwright/test";
import { blockCentre, canvasZoom, flowNode, openEditor } from "./helpers/editor";
import { loadProject, settledViewport, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The canvas' right-click menu (renderer/canvas/context-menu): on blocks, wires and the empty
 * canvas, zoomed in and in the painted overview; entries and shortcuts from the command registry;
 * driven by the mouse and by the keyboard.
 */
const { app } = sandboxedHost();

const menu = (page: Page, name: "Block" | "Wire" | "Canvas") => page.getByRole("menu", { name: `${name} menu` });
const entry = (page: Page, name: string) =>
  page.getByRole("menuitem", { name, exact: false }).filter({ hasText: name });
const layerIds = (page: Page) =>
  page.evaluate(() => window.__netforge?.editor.project().graph.nodes.map((n) => n.id) ?? []);
const selected = (page: Page) => page.evaluate(() => window.__netforge?.editor.ui.getState().selection.nodes ?? []);

/** A screen point in canvas coordinates, through React Flow's viewport transform. */
const toCanvas = (page: Page, at: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const style = document.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "";
    const [, tx, ty, zoom] = (/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(style) ?? []).map(Number);
    const box = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (!box || !zoom) throw new Error("no viewport");
    return { x: (x - box.x - tx) / zoom, y: (y - box.y - ty) / zoom };
  }, at);

/**
 * A point of empty canvas, away from blocks, wires and overlays (the recovery banner an earlier
 * test's autosave brings, the minimap, the controls): the first on a grid where the pane is on top.
 */
const emptySpot = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector(".react-flow__pane");
    const box = pane?.getBoundingClientRect();
    if (!pane || !box) throw new Error("no canvas");
    for (let fy = 0.2; fy < 0.9; fy += 0.1) {
      for (let fx = 0.9; fx > 0.1; fx -= 0.1) {
        const [x, y] = [Math.round(box.x + box.width * fx), Math.round(box.y + box.height * fy)];
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    throw new Error("no empty spot on the canvas");
  });

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, smallCnn());
  await expect(flowNode(page, "conv2d_1")).toBeVisible();
});

test("right-click a block, Duplicate: the copy is added and selected; shortcuts come from the registry", async ({
  page,
}) => {
  await flowNode(page, "conv2d_1").locator(".layer-node-head").click({ button: "right" });
  const blockMenu = menu(page, "Block");
  await expect(blockMenu).toBeVisible();
  await expect(entry(page, "Duplicate")).toContainText("Ctrl+D");
  await expect(entry(page, "Copy")).toContainText("Ctrl+C");
  await expect(entry(page, "Ungroup")).toHaveAttribute("aria-disabled", "true");
  await page.screenshot({ path: test.info().outputPath("block-menu.png") });

  await entry(page, "Duplicate").click();
  await expect(blockMenu).toBeHidden();
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const copy = (await layerIds(page)).find((id) => id.startsWith("conv2d_") && id !== "conv2d_1");
  expect(await selected(page)).toEqual([copy]);
});

test("right-click the canvas, Paste here: the copied blocks land where the menu was opened", async ({ page }) => {
  await flowNode(page, "flatten_1").locator(".layer-node-head").click();
  await page.keyboard.press("Control+c");
  // Whole pixels (emptySpot rounds): a mouse event's clientX and clientY are integers.
  const click = await emptySpot(page);
  await page.mouse.click(click.x, click.y, { button: "right" });
  await expect(menu(page, "Canvas")).toBeVisible();
  // In canvas units before the paste: the view may scroll afterwards to show the whole copy.
  const expected = await toCanvas(page, click);
  await expect(entry(page, "Paste here")).toContainText("Ctrl+V");
  await page.screenshot({ path: test.info().outputPath("canvas-menu.png") });
  await entry(page, "Paste here").click();

  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const [pasted] = await selected(page);
  expect(pasted).toMatch(/^flatten_/);
  expect(pasted).not.toBe("flatten_1");
  const at = await page.evaluate(
    (id) => window.__netforge?.editor.project().graph.nodes.find((n) => n.id === id)?.position,
    pasted,
  );
  expect(Math.abs((at?.x ?? Number.NaN) - expected.x)).toBeLessThanOrEqual(1);
  expect(Math.abs((at?.y ?? Number.NaN) - expected.y)).toBeLessThanOrEqual(1);
  await expect(flowNode(page, pasted)).toBeVisible();
});

test("the menu works from the keyboard: arrows skip disabled entries, Escape closes, Enter runs", async ({ page }) => {
  await flowNode(page, "dense_1").locator(".layer-node-head").click({ button: "right" });
  await expect(menu(page, "Block")).toBeVisible();
  const focused = () => page.evaluate(() => document.activeElement?.querySelector(".menu-label")?.textContent ?? "");
  await expect.poll(focused).toBe("Cut");
  await page.keyboard.press("ArrowDown");
  await expect.poll(focused).toBe("Copy");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect.poll(focused).toBe("Show documentation");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  // Ungroup (disabled) is skipped: from Insert after… up is Group into a block.
  await expect.poll(focused).toBe("Group into a block");
  await page.keyboard.press("Home");
  await expect.poll(focused).toBe("Cut");

  // Escape closes the menu and nothing else: the block stays, and so does the selection.
  await page.keyboard.press("Escape");
  await expect(menu(page, "Block")).toBeHidden();
  expect(await selected(page)).toEqual(["dense_1"]);
  expect(await layerIds(page)).toContain("dense_1");

  await flowNode(page, "dense_1").locator(".layer-node-head").click({ button: "right" });
  await expect.poll(focused).toBe("Cut");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect.poll(focused).toBe("Delete selection");
  await page.keyboard.press("Enter");
  await expect(menu(page, "Block")).toBeHidden();
  await expect(flowNode(page, "dense_1")).toHaveCount(0);

  // Opened from the keyboard too: Shift+F10 on the focused block.
  await flowNode(page, "flatten_1").focus();
  await page.keyboard.press("Shift+F10");
  await expect(menu(page, "Block")).toBeVisible();
  await expect.poll(focused).toBe("Cut");
  expect(await selected(page)).toEqual(["flatten_1"]);
  await page.keyboard.press("Escape");
  await expect(menu(page, "Block")).toBeHidden();
  await expect(flowNode(page, "flatten_1")).toBeFocused();
});

test("a press outside or a scroll closes the menu; a wire's menu deletes the wire", async ({ page }) => {
  await flowNode(page, "conv2d_1").locator(".layer-node-head").click({ button: "right" });
  await expect(menu(page, "Block")).toBeVisible();
  await page.getByRole("region", { name: "Layer catalog" }).getByRole("heading", { name: "Blocks" }).click();
  await expect(menu(page, "Block")).toBeHidden();

  const spot = await emptySpot(page);
  await page.mouse.click(spot.x, spot.y, { button: "right" });
  await expect(menu(page, "Canvas")).toBeVisible();
  await page.mouse.wheel(0, 100);
  await expect(menu(page, "Canvas")).toBeHidden();
  await settledViewport(page);

  // A quarter along the wire (its shape label sits in the middle).
  const onWire = await page.evaluate(() => {
    const path = document.querySelector<SVGPathElement>('.react-flow__edge[data-id="e1"] path.react-flow__edge-path');
    const matrix = path?.getScreenCTM();
    if (!path || !matrix) throw new Error("wire e1 is not on screen");
    const p = path.getPointAtLength(path.getTotalLength() / 4).matrixTransform(matrix);
    return { x: p.x, y: p.y };
  });
  await page.mouse.click(onWire.x, onWire.y, { button: "right" });
  await expect(menu(page, "Wire")).toBeVisible();
  await entry(page, "Delete selection").click();
  await expect(page.locator('.react-flow__edge[data-id="e1"]')).toHaveCount(0);
  expect(await layerIds(page)).toHaveLength(4);
});

test("Show documentation scrolls the block's docs into view; Insert after… picks the block in the palette", async ({
  page,
}) => {
  await flowNode(page, "flatten_1").locator(".layer-node-head").click({ button: "right" });
  await entry(page, "Show documentation").click();
  const docs = page.getByRole("region", { name: "Documentation" });
  await expect(docs).toBeInViewport();
  await expect(docs).toContainText("About Flatten");

  await flowNode(page, "flatten_1").locator(".layer-node-head").click({ button: "right" });
  await entry(page, "Insert after").click();
  const search = page.getByRole("searchbox", { name: "Search layers" });
  await expect(search).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Inserting after “flatten_1”" })).toBeVisible();
  await search.fill("Dropout");
  await search.press("Enter");
  await expect(page.locator(".react-flow__node[data-id^='dropout_']")).toHaveCount(1);
  const edges = await page.evaluate(() =>
    window.__netforge?.editor.project().graph.edges.map((e) => `${e.source}>${e.target}`),
  );
  expect(edges).toEqual(expect.arrayContaining(["flatten_1>dropout_1", "dropout_1>dense_1"]));
});

test("zoomed out, where blocks are painted, right-click a block opens its menu and Duplicate works", async ({
  page,
}) => {
  for (let i = 0; i < 10 && (await canvasZoom(page)) >= 0.45; i++) {
    await page.getByRole("button", { name: "Zoom Out" }).click();
    await settledViewport(page);
  }
  await expect(page.getByRole("img", { name: /^Overview of 4 layers/ })).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  const at = await blockCentre(page, "conv2d_1");
  await page.mouse.click(at.x, at.y, { button: "right" });
  await expect(menu(page, "Block")).toBeVisible();
  expect(await selected(page)).toEqual(["conv2d_1"]);
  await page.screenshot({ path: test.info().outputPath("overview-menu.png") });
  await entry(page, "Duplicate").click();
  await expect.poll(async () => (await layerIds(page)).length).toBe(5);

  // Empty canvas in the overview: the canvas menu.
  const spot = await emptySpot(page);
  await page.mouse.click(spot.x, spot.y, { button: "right" });
  await expect(menu(page, "Canvas")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu(page, "Canvas")).toBeHidden();
});
