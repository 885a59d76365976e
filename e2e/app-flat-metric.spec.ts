import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  gotoTab,
  lossPoints,
  openProject,
  saveProject,
  screenshot,
  setField,
  startSavedTemplate,
  trainToEnd,
} from "./app-helpers";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * A run whose metric stays constant (XOR at a learning rate of 1e-9: accuracy never moves, and
 * smoothing used to turn the constant into values a float step apart). Drawing its axis looped
 * forever and froze the tab, live and again whenever the saved run was reopened (issue 12,
 * item 1). The page must keep answering and draw the charts with a level line and round ticks;
 * the loss, which moves in its seventh digit, gets tick labels that tell its ticks apart.
 */
const { app } = sandboxedHost();

/** The page's main thread is free: a frame gets painted. A frozen tab never answers. */
const answers = (page: Page) =>
  page.evaluate(() => new Promise<boolean>((done) => requestAnimationFrame(() => done(true))));

/** The y-axis tick labels a chart shows. */
const yTicks = (chart: Locator) => chart.locator(".recharts-yAxis-tick-labels text");

async function expectChartsDrawn(page: Page, train: Locator): Promise<void> {
  const accuracy = train.getByRole("figure", { name: "Accuracy chart" });
  await expect(accuracy).toBeVisible();
  // A level line across the plot (a path with no height, so not "visible" to Playwright).
  const curve = accuracy.locator(".recharts-line-curve").first();
  await expect(curve).toHaveAttribute("d", /^M[\d.]+,[\d.]+L/);
  const ys = ((await curve.getAttribute("d")) ?? "").match(/,[\d.]+/g) ?? [];
  expect(ys.length).toBeGreaterThan(1);
  expect(new Set(ys).size).toBe(1);
  // A level line on a padded axis: a handful of distinct round ticks, not one, not thousands.
  await expect.poll(() => yTicks(accuracy).count()).toBeGreaterThanOrEqual(3);
  const labels = await yTicks(accuracy).allTextContents();
  expect(labels.length).toBeLessThanOrEqual(12);
  expect(new Set(labels).size).toBe(labels.length);
  await expect(train.getByRole("figure", { name: "Loss chart" })).toBeVisible();
  expect(await answers(page)).toBe(true);
}

test("a run whose metric stays constant: the page stays responsive, live and reopened", async ({ page }) => {
  test.setTimeout(3 * STALL_MS);
  await startSavedTemplate(page, app.url, "XOR MLP", "flat");

  const train = await gotoTab(page, "Train");
  await setField(train, "Learning rate", "1e-9");
  await setField(train, "Epochs", "20");
  await saveProject(page);
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  // The metric really was constant: every epoch's accuracy in the run's CSV is the same.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    train.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const [head, ...rows] = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\n");
  const column = head.split(",").indexOf("accuracy");
  expect(column).toBeGreaterThan(0);
  expect(rows).toHaveLength(20);
  expect(new Set(rows.map((r) => r.split(",")[column])).size).toBe(1);
  await expectChartsDrawn(page, train);
  await screenshot(page, test.info().outputPath("flat-live.png"));

  // The other tabs still answer.
  await gotoTab(page, "Design");
  await expect(page.locator(".react-flow__node")).toHaveCount(3);

  // Reopened: the saved run's curves are loaded and drawn again.
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await openProject(page, "flat.netforge.json");
  const again = await gotoTab(page, "Train");
  await expect(again.getByRole("region", { name: "Runs" })).toContainText("Completed");
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(0);
  await expectChartsDrawn(page, again);
  await screenshot(page, test.info().outputPath("flat-reopened.png"));
});
