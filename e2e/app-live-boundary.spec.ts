import { expect, type Locator, test } from "@playwright/test";
import { gotoTab, openProject, runStatus, saveProject, setField, startSavedTemplate } from "./app-helpers";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * XOR's decision boundary forming while it trains, in browser mode with the real host and
 * trainer: the epoch it shows advances and the picture changes; a stopped run reopened in a fresh
 * window shows its last boundary again, read from the run folder.
 */
const { app } = sandboxedHost();

const epochOf = async (panel: Locator) => Number((await panel.getAttribute("data-epoch")) ?? 0);
const pixels = (panel: Locator) => panel.locator("canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test("XOR: the decision boundary changes while the model trains", async ({ page }) => {
  test.setTimeout(240_000);
  await startSavedTemplate(page, app.url, "XOR MLP", "xor-boundary");
  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "100000");
  await train.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Running");

  const panel = train.getByRole("region", { name: "Live decision boundary" });
  // The first boundary waits for a trainer to start (loading TensorFlow.js).
  await expect(panel).toBeVisible({ timeout: STALL_MS });
  await expect(panel.getByRole("img", { name: "Predictions over x1 and x2" })).toBeVisible();
  const first = await epochOf(panel);
  const before = await pixels(panel);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath("boundary-early.png") });
  await expect.poll(() => epochOf(panel), { timeout: STALL_MS }).toBeGreaterThan(first);
  await expect(panel.getByText(/^Decision boundary, epoch \d+$/)).toBeVisible();
  // The picture itself moves as the weights do (the grid is recomputed, not just relabelled).
  await expect.poll(() => pixels(panel), { timeout: STALL_MS }).not.toBe(before);
  const later = await epochOf(panel);
  await expect.poll(() => epochOf(panel), { timeout: STALL_MS }).toBeGreaterThan(later);
  await panel.screenshot({ path: test.info().outputPath("boundary-later.png") });

  await train.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Stopped");
  const last = await epochOf(panel);
  expect(last).toBeGreaterThan(later);

  // A fresh window: the stopped run's last boundary comes back from its folder.
  await saveProject(page);
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await openProject(page, "xor-boundary.netforge.json");
  const again = (await gotoTab(page, "Train")).getByRole("region", { name: "Live decision boundary" });
  await expect(again).toBeVisible({ timeout: 30_000 });
  expect(await epochOf(again)).toBe(last);
  await again.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("boundary-reloaded.png") });
});

test("Perceptron AND: the boundary shows the perceptron's line", async ({ page }) => {
  test.setTimeout(120_000);
  await startSavedTemplate(page, app.url, "Perceptron: AND gate", "and-boundary");
  const train = await gotoTab(page, "Train");
  await train.getByRole("button", { name: "Start training" }).click();
  const panel = train.getByRole("region", { name: "Live decision boundary" });
  await expect(panel).toBeVisible({ timeout: STALL_MS });
  await expect(panel).toContainText("black line: the perceptron's w1 x1 + w2 x2 + b = 0");
  await expect(runStatus(page)).not.toHaveAccessibleName(/Running/, { timeout: STALL_MS });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath("boundary-perceptron.png") });
});
