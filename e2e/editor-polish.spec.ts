import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Locator, test } from "@playwright/test";
import { GraphBuilder } from "../shared/ir/builder";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../shared/ir/project";
import { gotoTab, openTemplate } from "./app-helpers";
import { dropBlock, flowNode, openEditor, selectNode } from "./helpers/editor";
import { loadProject, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * What a newcomer meets first, in Chromium: the empty canvas's state, a MaxPooling2D's default
 * strides, the toolbar's shortcut tooltips, the file browser's icons, long fix-it titles in the
 * inspector at narrow widths, and the Data tab's thumbnails of an IDX dataset.
 */
// A folder, a project and a data file for the file browser to list.
const { app } = sandboxedHost({
  prepare: async (box) => {
    mkdirSync(join(box.root, "nets"));
    writeFileSync(join(box.root, "nets", "keep.txt"), "");
    writeFileSync(join(box.root, "xor.netforge.json"), "{}");
    writeFileSync(join(box.root, "points.csv"), "x,y\n1,2\n");
  },
});

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
});

/** Elements of `region` that stick out of its right edge, and whether it scrolls sideways. */
async function overflow(region: Locator): Promise<{ scrolls: boolean; outside: string[] }> {
  return region.evaluate((root) => {
    const right = root.getBoundingClientRect().right;
    const outside = Array.from(root.querySelectorAll<HTMLElement>("*"))
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").slice(0, 40)}`);
    return { scrolls: root.scrollWidth > root.clientWidth, outside };
  });
}

test("an empty canvas says what to do next, not '1 error'", async ({ page }) => {
  await expect(page.getByRole("button", { name: "Validation: Empty" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Validation: \d+ error/ })).toHaveCount(0);
  const hint = "Add an Input block from the palette, or start from a template.";
  const problems = page.getByRole("region", { name: "Problems", exact: true });
  await expect(problems.locator(".count-badge.error")).toHaveCount(0);
  await expect(problems).toContainText(hint);
  // The inspector's model summary says the same instead of listing E_NO_INPUT.
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByRole("region", { name: "Model problems" })).toHaveCount(0);
  await expect(inspector.getByRole("region", { name: "Next step" })).toContainText(hint);
  await page.screenshot({ path: test.info().outputPath("empty-canvas.png") });
  await dropBlock(page, "Input", { x: 200, y: 150 });
  await expect(page.getByRole("button", { name: "Validation: Empty" })).toHaveCount(0);
});

test("MaxPooling2D's default strides read 'auto = pool size', not '? ?'", async ({ page }) => {
  await dropBlock(page, "MaxPooling2D", { x: 200, y: 150 });
  await selectNode(page, "max_pooling2d_1");
  const strides = page.getByRole("group", { name: "strides" });
  for (const cell of await strides.getByRole("textbox").all()) {
    await expect(cell).toHaveValue("");
    await expect(cell).toHaveAttribute("placeholder", "auto");
  }
  await expect(page.getByText("auto = pool size")).toBeVisible();
  await page
    .getByRole("complementary", { name: "Inspector" })
    .screenshot({ path: test.info().outputPath("strides.png") });
});

test("the auto-layout tooltip names the shortcut that runs it", async ({ page }) => {
  await loadProject(page, smallCnn());
  const button = page.getByRole("button", { name: "Auto-layout" });
  await expect(button).toHaveAttribute("title", "Auto-layout (Ctrl+Shift+L)");
  const before = await flowNode(page, "flatten_1").boundingBox();
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("Control+Shift+L");
  await expect
    .poll(async () => JSON.stringify(await flowNode(page, "flatten_1").boundingBox()))
    .not.toBe(JSON.stringify(before));
});

test("the file browser draws its icons (no emoji)", async ({ page }) => {
  await page.keyboard.press("Control+Shift+s");
  const dialog = page.getByRole("dialog", { name: "Save project" });
  await expect(dialog).toBeVisible();
  const entries = dialog.locator(".file-entry");
  await expect(entries).toHaveCount(3);
  await expect(dialog.locator(".file-entry-icon svg")).toHaveCount(await entries.count());
  await expect(dialog.getByRole("button", { name: "Parent folder" }).locator("svg")).toHaveCount(1);
  expect(await dialog.innerText()).not.toMatch(/\p{Emoji_Presentation}/u);
  await dialog.screenshot({ path: test.info().outputPath("file-browser.png") });
});

/** Input [8] feeds an Add directly and through Dense 16: the Add's shapes differ, and a fix inserts a projection. */
function mismatchedAdd(): Project {
  const b = new GraphBuilder();
  const input = b.add("Input", { shape: [8] }, { id: "input_1" });
  const dense = b.add("Dense", { units: 16 }, { id: "dense_1" });
  const add = b.add("Add", {}, { id: "add_1", name: "residual_sum_with_a_long_name" });
  b.connect(input, dense);
  b.connect(input, add);
  b.connect(dense, add);
  const graph = b.build();
  graph.nodes.forEach((n, i) => {
    n.position = { x: i * 300, y: 0 };
  });
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: "Mismatch", graph, data: null, training: {} };
}

for (const width of [1280, 1024]) {
  test(`long fix-it titles wrap inside the inspector at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 760 });
    await loadProject(page, mismatchedAdd());
    await selectNode(page, "add_1");
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    const fix = inspector.getByRole("button", { name: /Insert a Dense projection/ });
    await expect(fix).toBeVisible();
    expect(await overflow(inspector)).toEqual({ scrolls: false, outside: [] });
    await inspector.screenshot({ path: test.info().outputPath(`fix-it-${width}.png`) });
    for (const id of ["input_1", "dense_1"]) {
      await selectNode(page, id);
      expect(await overflow(inspector), id).toEqual({ scrolls: false, outside: [] });
    }
  });
}

test("no block of the bundled templates overflows the inspector at 1024px", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 760 });
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  for (const template of ["Variational autoencoder", "GAN: points on a ring", "Iris flowers"]) {
    await openTemplate(page, template);
    expect(await overflow(inspector), `${template}: model summary`).toEqual({ scrolls: false, outside: [] });
    const ids = await page.evaluate(() => window.__netforge?.editor.project().graph.nodes.map((n) => n.id) ?? []);
    for (const id of ids) {
      await page.evaluate((nodeId) => window.__netforge?.editor.run("focus-node", { nodeId }), id);
      await expect(page.getByRole("textbox", { name: "Block name" })).toBeVisible();
      expect(await overflow(inspector), `${template}: ${id}`).toEqual({ scrolls: false, outside: [] });
    }
  }
});

test("the Data tab shows an IDX dataset's images under their class names", async ({ page }) => {
  await openTemplate(page, "Fashion-MNIST MLP");
  const data = await gotoTab(page, "Data");
  const grid = data.getByRole("region", { name: "Images per class" });
  await expect(grid.locator(".class-tile")).toHaveCount(10);
  await expect(
    grid.locator(".class-tile").filter({ hasText: "Ankle boot" }).locator("img.thumbnail").first(),
  ).toBeVisible();
  await expect(grid.locator("img.thumbnail")).toHaveCount(await grid.locator(".file-list li").count());
  expect(
    await grid
      .locator("img.thumbnail")
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(28);
  await expect(data.getByText("image 0", { exact: true })).toHaveCount(0);
  await grid.screenshot({ path: test.info().outputPath("idx-thumbnails.png") });
});
