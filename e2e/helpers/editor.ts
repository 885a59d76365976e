import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Page helpers for the editor specs: they act through the UI the way a person does (drag from the
 * palette, drag between handles, type into inspector fields) and find things by role and name.
 */

export async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("region", { name: "Layer catalog" })).toBeVisible();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
}

export const pane = (page: Page): Locator => page.locator(".react-flow__pane");
export const flowNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const paletteItem = (page: Page, title: string): Locator =>
  page.getByRole("region", { name: "Layer catalog" }).getByRole("option", { name: title, exact: true });

/** Drags a block from the palette onto the canvas at a point relative to the canvas' top-left. */
export async function dropBlock(page: Page, title: string, at: { x: number; y: number }): Promise<void> {
  const before = await page.locator(".react-flow__node").count();
  await paletteItem(page, title).dragTo(pane(page), { targetPosition: at });
  await expect(page.locator(".react-flow__node")).toHaveCount(before + 1);
}

/** Drags a wire from a node's output handle to another node's input port. */
export async function connect(
  page: Page,
  source: string,
  target: string,
  targetPort = "in",
  beforeRelease?: () => Promise<void>,
): Promise<void> {
  const from = flowNode(page, source).locator(".react-flow__handle.source").first();
  const to = flowNode(page, target).locator(`.react-flow__handle.target[data-handleid="${targetPort}"]`);
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error(`handles of ${source} -> ${target}.${targetPort} are not on screen`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // Several steps, so React Flow sees a drag and hit-tests the target handle on the way.
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await beforeRelease?.();
  await page.mouse.up();
}

/** The ids of the canvas' nodes in document order, e.g. ["input_1", "conv2d_1"]. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator(".react-flow__node").evaluateAll((els) => els.map((e) => e.getAttribute("data-id") ?? ""));
}

/** Selects a block by clicking its header (not a handle or the badge). */
export async function selectNode(page: Page, id: string): Promise<void> {
  await flowNode(page, id).locator(".layer-node-head").click();
  await expect(page.getByRole("textbox", { name: "Block name" })).toBeVisible();
}

/** Types a value into a tuple param's cells (kernelSize, Input shape), adding or removing cells. */
export async function setTuple(page: Page, param: string, values: (number | string)[]): Promise<void> {
  const cells = page.getByRole("group", { name: param, exact: true }).getByRole("textbox");
  for (;;) {
    const n = await cells.count();
    if (n === values.length) break;
    const name = n < values.length ? `Add dimension to ${param}` : `Remove last dimension of ${param}`;
    await page.getByRole("button", { name }).click();
  }
  for (let i = 0; i < values.length; i++) await cells.nth(i).fill(String(values[i]));
}

/** The shapes written on the wires, in edge order. */
export async function edgeShapes(page: Page): Promise<string[]> {
  return page.locator(".shape-edge-label").allTextContents();
}

export async function screenshot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path, fullPage: false });
}

export const edgeLabel = (page: Page, edgeId: string): Locator => page.getByTestId(`edge-label-${edgeId}`);

/**
 * The screen point at the middle of a block's head: its element where React Flow mounted one, else
 * (zoomed out, where the overview paints blocks and mounts no elements) its document position
 * through the viewport's transform.
 */
export async function blockCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
    if (el) {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    const node = window.__netforge?.editor.project().graph.nodes.find((n) => n.id === id);
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "";
    const [, tx, ty, zoom] = (/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(viewport) ?? []).map(
      Number,
    );
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (!node?.position || !pane || !zoom) throw new Error(`block ${id} is not on screen`);
    return { x: pane.x + tx + (node.position.x + 110) * zoom, y: pane.y + ty + (node.position.y + 40) * zoom };
  }, id);
}

/** The canvas' zoom, from React Flow's viewport transform. */
export async function canvasZoom(page: Page): Promise<number> {
  const style = (await page.locator(".react-flow__viewport").getAttribute("style")) ?? "";
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? Number.NaN);
}
