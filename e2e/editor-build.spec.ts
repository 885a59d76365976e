import { expect, test } from "@playwright/test";
import {
  connect,
  dropBlock,
  edgeLabel,
  flowNode,
  nodeIds,
  openEditor,
  paletteItem,
  pane,
  selectNode,
  setTuple,
} from "./helpers/editor";
import { settledViewport } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The editor's main path, driven as a learner does it: blocks dragged from the palette, wires
 * dragged between handles, params typed into the inspector; shapes checked on the wires.
 */
const { app } = sandboxedHost();

test("builds Input -> Conv2D -> Flatten -> Dense from the palette and shows the shapes on the wires", async ({
  page,
}) => {
  await openEditor(page, app.url);
  // The canvas is about 700 px wide at 1280 px: two rows of two blocks.
  await dropBlock(page, "Input", { x: 60, y: 80 });
  await dropBlock(page, "Conv2D", { x: 380, y: 80 });
  await dropBlock(page, "Flatten", { x: 60, y: 300 });
  await dropBlock(page, "Dense", { x: 380, y: 300 });
  expect(await nodeIds(page)).toEqual(["input_1", "conv2d_1", "flatten_1", "dense_1"]);

  await selectNode(page, "input_1");
  await setTuple(page, "shape", [28, 28, 1]);
  await expect(flowNode(page, "input_1").getByTestId("output-shape")).toHaveText("(28, 28, 1)");

  await connect(page, "input_1", "conv2d_1");
  await connect(page, "conv2d_1", "flatten_1");
  await connect(page, "flatten_1", "dense_1");
  await page.screenshot({ path: test.info().outputPath("wired.png") });
  await expect(page.locator(".shape-edge-label")).toHaveCount(3);
  await expect(edgeLabel(page, "e1")).toHaveText("(28, 28, 1)");
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 32)");
  await expect(edgeLabel(page, "e3")).toHaveText("(21632)");
  await expect(flowNode(page, "dense_1").getByTestId("output-shape")).toHaveText("(32)");
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  // The fit animates: the handles are found where they come to rest.
  await settledViewport(page);
  await page.screenshot({ path: test.info().outputPath("built.png") });

  // A connection that cannot be valid is refused while dragging, with the reason shown.
  await connect(page, "dense_1", "conv2d_1", "in", async () => {
    await expect(page.getByRole("alert").filter({ hasText: "Can’t connect" })).toContainText("already");
    await page.screenshot({ path: test.info().outputPath("refused.png") });
  });
  await expect(page.getByRole("alert").filter({ hasText: "Can’t connect" })).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
});

test("a block dropped on the empty canvas' message lands on the canvas", async ({ page }) => {
  await openEditor(page, app.url);
  const message = page.getByRole("heading", { name: "Build a network" });
  await expect(message).toBeVisible();
  // The message lets the pointer through, so the drop reaches the canvas underneath it.
  const at = await message.boundingBox();
  const canvas = await pane(page).boundingBox();
  if (!at || !canvas) throw new Error("the canvas or its message is not on screen");
  await paletteItem(page, "Dense").dragTo(pane(page), {
    targetPosition: { x: at.x + at.width / 2 - canvas.x, y: at.y + at.height / 2 - canvas.y },
  });
  await expect(page.locator(".react-flow__node")).toHaveCount(1);
  await expect(message).toBeHidden();
});
