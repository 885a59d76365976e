import { expect, test } from "@playwright/test";
import { connect, edgeLabel, flowNode, openEditor, selectNode, setTuple } from "./helpers/editor";
import { loadProject, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/** Editing a working model: a removed block and its one-click fix, a param edit, undo and redo. */
const { app } = sandboxedHost();

test.beforeEach(async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, smallCnn());
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
});

const problems = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Problems", exact: true });

test("removing Flatten shows the diagnostic on the node and in the list, and its fix puts Flatten back", async ({
  page,
}) => {
  await selectNode(page, "flatten_1");
  await page.keyboard.press("Delete");
  await expect(flowNode(page, "flatten_1")).toHaveCount(0);
  await connect(page, "conv2d_1", "dense_1");

  // Dense on a (26, 26, 32) image acts per pixel: a coded warning on the node and in the list.
  await expect(flowNode(page, "dense_1").locator(".diag-badge")).toHaveText("1");
  const item = problems(page).getByRole("listitem").filter({ hasText: "W_DENSE_ON_RANK" });
  await expect(item).toBeVisible();
  await expect(flowNode(page, "dense_1").getByTestId("output-shape")).toHaveText("(26, 26, 10)");
  await page.screenshot({ path: test.info().outputPath("diagnostic.png") });

  // Clicking the problem selects the block it concerns.
  await item.click();
  await expect(page.getByRole("textbox", { name: "Block name" })).toHaveValue("dense_1");

  await item.getByRole("button", { name: "Insert Flatten before dense_1" }).click();
  await expect(problems(page).getByRole("listitem")).toHaveCount(0);
  await expect(flowNode(page, "dense_1").getByTestId("output-shape")).toHaveText("(10)");
  await expect(page.locator(".react-flow__node[data-id^='flatten_']")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("fixed.png") });
});

test("editing kernelSize updates every shape downstream; undo and redo step through it", async ({ page }) => {
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 32)");
  await selectNode(page, "conv2d_1");
  await setTuple(page, "kernelSize", [5, 5]);
  await expect(edgeLabel(page, "e2")).toHaveText("(24, 24, 32)");
  await expect(edgeLabel(page, "e3")).toHaveText("(18432)");
  await expect(flowNode(page, "dense_1").locator(".layer-node-count")).toHaveText("184K params");

  // An invalid value shows the catalog's message and is not written to the document.
  const first = page.getByRole("textbox", { name: "kernelSize[0]" });
  await first.fill("0");
  await expect(page.getByRole("alert").filter({ hasText: "kernelSize must be" })).toBeVisible();
  await expect(edgeLabel(page, "e2")).toHaveText("(24, 24, 32)");
  await page.screenshot({ path: test.info().outputPath("invalid-param.png") });
  await first.fill("5");

  // Typing into one field is one history entry: one undo restores 3x3, one redo 5x5.
  const undo = page.getByRole("button", { name: "Undo", exact: true });
  const redo = page.getByRole("button", { name: "Redo", exact: true });
  await undo.click();
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 32)");
  await expect(page.getByRole("textbox", { name: "kernelSize[1]" })).toHaveValue("3");
  await redo.click();
  await expect(edgeLabel(page, "e2")).toHaveText("(24, 24, 32)");

  // The same through the keyboard, with the canvas focused.
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("Control+z");
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 32)");
  await page.keyboard.press("Control+Shift+z");
  await expect(edgeLabel(page, "e2")).toHaveText("(24, 24, 32)");
  await expect(redo).toBeDisabled();
});
