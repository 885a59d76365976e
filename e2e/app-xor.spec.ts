import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  gotoTab,
  lossPoints,
  maxAbsDiff,
  openProject,
  runStatus,
  saveProject,
  screenshot,
  setField,
  startSavedTemplate,
  trainToEnd,
} from "./app-helpers";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The whole job on the XOR template, in browser mode with the real host and trainer: watch the
 * loss curve grow live, stop a long run within a second, train to the end, evaluate (the
 * confusion matrix counts every evaluated sample), export ONNX verified against the trained
 * model, and find the runs again after reloading the window and reopening the project.
 */
const { app } = sandboxedHost();

test("XOR: live curves, stop, train, evaluate, export, reload", async ({ page }) => {
  test.setTimeout(240_000);
  await startSavedTemplate(page, app.url, "XOR MLP", "xor");

  const data = await gotoTab(page, "Data");
  await expect(data.getByRole("region", { name: "Data and model" })).toContainText("Fits");
  await expect(data.getByRole("region", { name: "Data source" })).toContainText("inline");
  await screenshot(page, test.info().outputPath("xor-data.png"));

  // A long run: the loss chart gains points while it trains, and Stop ends it within a second.
  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "100000");
  await expect(train.getByRole("button", { name: "Start training" })).toBeEnabled();
  await train.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Running");
  // The first points wait for a trainer to start (loading TensorFlow.js).
  await expect.poll(() => lossPoints(page), { timeout: STALL_MS }).toBeGreaterThan(0);
  const first = await lossPoints(page);
  await expect.poll(() => lossPoints(page), { timeout: STALL_MS }).toBeGreaterThan(first);
  expect(await runStatus(page).getAttribute("aria-label")).toBe("Run status: Running");
  await expect(train.getByTestId("run-backend")).toHaveText(/^(wasm|cpu|tensorflow|tensorflow-gpu)$/);
  await screenshot(page, test.info().outputPath("xor-train-live.png"));

  // Pause holds the run between batches; Resume goes on from there.
  await train.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Paused");
  await train.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Running");

  // How soon is a figure for the log, not an assertion: a loaded machine answers late.
  const stopAt = Date.now();
  await train.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Stopped");
  console.log(`stop -> "Stopped" shown after ${Date.now() - stopAt} ms`);

  // A complete run.
  await setField(train, "Epochs", "300");
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  const runs = train.getByRole("region", { name: "Runs" }).locator("tbody tr");
  await expect(runs).toHaveCount(2);
  // The stopped run, drawn over the completed one.
  await train
    .getByRole("checkbox", { name: /^Overlay run / })
    .nth(1)
    .check();
  await screenshot(page, test.info().outputPath("xor-train.png"));

  // The run's curves as CSV (from the run folder) and the loss chart as PNG.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    train.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const text = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\n");
  expect(text[0]).toMatch(/^epoch,.*loss/);
  expect(text).toHaveLength(301);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    train.getByRole("button", { name: "Save Loss chart as PNG" }).click(),
  ]);
  expect(png.suggestedFilename()).toBe("Loss.png");
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe("PNG");

  // XOR trains on all four samples (validation is off): evaluate the training part.
  const evaluate = await gotoTab(page, "Evaluate");
  await evaluate.getByRole("combobox", { name: "On" }).selectOption("train");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  const matrix = evaluate.getByRole("table", { name: "Confusion matrix" });
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  const cells = await matrix.locator("td").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))));
  const samples = Number(await evaluate.getByTestId("report-line").locator("strong").first().textContent());
  expect(samples).toBe(4);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(samples);
  await expect(evaluate.getByTestId("accuracy")).toHaveText("100.0%");
  await screenshot(page, test.info().outputPath("xor-evaluate.png"));
  await evaluate.getByRole("textbox", { name: "Sample values" }).fill("1, 0");
  await evaluate.getByRole("button", { name: "Predict" }).click();
  await expect(evaluate.getByTestId("predicted-class")).toHaveText("1");
  await screenshot(page, test.info().outputPath("xor-try-it.png"));

  // ONNX export, verified against the trained model's predictions.
  const exporter = await gotoTab(page, "Export");
  await expect(exporter.getByRole("status").filter({ hasText: "Exportable" })).toBeVisible();
  await exporter.getByRole("button", { name: "Export ONNX" }).click();
  await expect(exporter.getByTestId("export-verdict")).toHaveText("✓ Verified", { timeout: 120_000 });
  const diff = await maxAbsDiff(page);
  expect(diff).toBeLessThan(1e-4);
  const file = await exporter.getByTestId("export-file").textContent();
  expect(file && existsSync(file)).toBe(true);
  await screenshot(page, test.info().outputPath("xor-export.png"));

  // A fresh window, the project opened again: both runs are listed from the run folder.
  await saveProject(page);
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await openProject(page, "xor.netforge.json");
  const again = await gotoTab(page, "Train");
  await expect(again.getByRole("region", { name: "Runs" }).locator("tbody tr")).toHaveCount(2);
  await expect(again.getByRole("region", { name: "Runs" })).toContainText("Completed");
  await expect(again.getByRole("region", { name: "Runs" })).toContainText("Stopped");
  await expect.poll(() => lossPoints(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await screenshot(page, test.info().outputPath("xor-reloaded.png"));
});
