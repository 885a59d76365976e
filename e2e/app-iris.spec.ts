import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import {
  gotoTab,
  lossPoints,
  maxAbsDiff,
  openProject,
  saveProject,
  screenshot,
  startSavedTemplate,
  trainToEnd,
} from "./app-helpers";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The whole job on the iris CSV: the probe's columns, classes and split; a column's role changed
 * (the Input no longer fits: a diagnostic with its fix, and undo brings the data back); train;
 * evaluate the validation part (the confusion matrix counts each of its samples); try a flower;
 * export ONNX on raw data (its raw-data check agrees) and bare (flagged); the run is there after a reload.
 */
const ROOT = join(import.meta.dirname, "..");

/** Drops a file on the Data tab as a file manager would (a real DataTransfer with a File). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: "text/csv" }));
      return dt;
    },
    [name, text] as const,
  );
  const zone = page.getByRole("region", { name: /^Data \(drop a file/ });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

const { box, app } = sandboxedHost();

test("iris CSV: probe, bind, train, evaluate, try, export, reload", async ({ page }) => {
  test.setTimeout(240_000);
  await startSavedTemplate(page, app.url, "Iris flowers", "iris");

  // The template's CSV replaced by a copy dropped on the tab (uploaded beside the project), then
  // chosen again with Choose file: both bind it with a path relative to the project file.
  const data = await gotoTab(page, "Data");
  await data.getByRole("button", { name: "Remove data" }).click();
  await expect(data.getByText("No dataset bound yet")).toBeVisible();
  await screenshot(page, test.info().outputPath("iris-data-empty.png"));
  await dropFile(page, "iris-upload.csv", readFileSync(join(ROOT, "resources/datasets/iris.csv"), "utf8"));
  await expect(data.getByRole("region", { name: "Data source" })).toContainText("iris-upload.csv");
  expect(existsSync(join(box.root, "iris-upload.csv"))).toBe(true);
  await data.getByRole("button", { name: "Remove data" }).click();
  await data.getByRole("button", { name: "Choose file…" }).first().click();
  const browser = page.getByRole("dialog", { name: "Choose a data file" });
  await browser.getByRole("button", { name: "File iris-upload.csv" }).dblclick();
  await expect(browser).toBeHidden();
  await saveProject(page);
  const saved = JSON.parse(readFileSync(join(box.root, "iris.netforge.json"), "utf8"));
  expect(saved.data.source).toMatchObject({ kind: "table", path: "iris-upload.csv" });

  const columns = data.getByRole("region", { name: "Columns" });
  await expect(columns.locator("tbody tr")).toHaveCount(5);
  await expect(columns.getByRole("combobox", { name: "Role of species" })).toHaveValue("label");
  const balance = data.getByRole("region", { name: "Class balance" });
  await expect(balance).toContainText("setosa");
  await expect(balance).toContainText("50 (33%) · 40/10/0");
  const binding = data.getByRole("region", { name: "Data and model" });
  await expect(binding).toContainText("Fits");
  await screenshot(page, test.info().outputPath("iris-data.png"));

  // Leaving a feature out changes the sample shape: the Input no longer fits, with a fix.
  await columns.getByRole("combobox", { name: "Role of sepal_width" }).selectOption("ignore");
  await expect(binding.getByText("E_DATA_INPUT_SHAPE")).toBeVisible();
  await screenshot(page, test.info().outputPath("iris-data-mismatch.png"));
  await binding.getByRole("button", { name: "Set the Input's shape to [3]" }).click();
  await expect(binding).toContainText("Fits");
  // Both edits are undoable: back to four features and a four-wide Input.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(columns.getByRole("combobox", { name: "Role of sepal_width" })).toHaveValue("feature");
  await expect(binding).toContainText("Fits");
  await expect(binding).toContainText("input_1 [4]");

  const train = await gotoTab(page, "Train");
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  expect(await lossPoints(page)).toBeGreaterThan(80);
  await expect(train.getByRole("figure", { name: "Accuracy chart" })).toBeVisible();
  await screenshot(page, test.info().outputPath("iris-train.png"));

  // 150 flowers, 20% held out: 30 validation samples, each counted once in the matrix.
  const evaluate = await gotoTab(page, "Evaluate");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  const matrix = evaluate.getByRole("table", { name: "Confusion matrix" });
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  const cells = await matrix.locator("td").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))));
  expect(cells).toHaveLength(9);
  const samples = Number(await evaluate.getByTestId("report-line").locator("strong").first().textContent());
  expect(samples).toBe(30);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(30);
  await expect(evaluate.getByRole("figure", { name: "ROC chart" })).toBeVisible();
  await screenshot(page, test.info().outputPath("iris-evaluate.png"));

  const tryIt = evaluate.getByRole("region", { name: "Try it" });
  await tryIt.getByLabel("sepal_length").fill("5.1");
  await tryIt.getByLabel("sepal_width").fill("3.5");
  await tryIt.getByLabel("petal_length").fill("1.4");
  await tryIt.getByLabel("petal_width").fill("0.2");
  await tryIt.getByRole("button", { name: "Predict" }).click();
  await expect(tryIt.getByTestId("predicted-class")).toHaveText("setosa");
  await tryIt.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("iris-try-it.png"));

  // Raw data in (the default): one input per column, checked on rows of iris.csv.
  const exporter = await gotoTab(page, "Export");
  await exporter
    .getByLabel("Inputs", { exact: true })
    .selectOption({ label: "Raw data (preprocessing inside the file)" });
  await exporter.getByLabel("Table inputs").selectOption({ label: "One per column" });
  await expect(exporter.getByTestId("export-mode")).toHaveText(/take raw data/);
  await exporter.getByRole("button", { name: "Export ONNX" }).click();
  await expect(exporter.getByTestId("export-verdict")).toHaveText("✓ Verified", { timeout: 120_000 });
  expect(await maxAbsDiff(page)).toBeLessThan(1e-4);
  const inputs = exporter.getByRole("table", { name: "File inputs" });
  await expect(inputs.getByRole("rowheader", { name: "sepal_length" })).toBeVisible();
  const check = exporter.getByRole("region", { name: "Raw-data check" });
  const agreement = (await check.getByRole("status", { name: "Raw agreement" }).textContent()) ?? "";
  const [, agree, count] = /^(\d+) of (\d+) agree/.exec(agreement) ?? [];
  expect(Number(count)).toBeGreaterThan(0);
  expect(agree).toBe(count);
  const rawRows = check.getByRole("table", { name: "Raw samples" });
  await expect(rawRows.locator("tbody tr").first()).toContainText("sepal_length=");
  await expect(rawRows.getByRole("cell", { name: "differ" })).toHaveCount(0);
  await expect(exporter.getByRole("region", { name: "Files beside the model" })).toContainText("README.md");
  await check.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("iris-export.png"));

  // The bare network: today's file, flagged as expecting preprocessed inputs.
  await exporter
    .getByLabel("Inputs", { exact: true })
    .selectOption({ label: "Bare network (expects preprocessed inputs)" });
  await expect(exporter.getByTestId("export-mode")).toHaveText(/bare network: it expects preprocessed inputs/);
  await exporter.getByRole("button", { name: "Export ONNX" }).click();
  await expect(exporter.getByRole("note", { name: "Expects preprocessed inputs" })).toBeVisible({ timeout: 120_000 });
  await expect(exporter.getByTestId("export-verdict")).toHaveText("✓ Verified");
  await expect(exporter.getByRole("region", { name: "Raw-data check" })).toHaveCount(0);
  await exporter.getByRole("note", { name: "Expects preprocessed inputs" }).scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("iris-export-bare.png"));

  await saveProject(page);
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await openProject(page, "iris.netforge.json");
  const again = await gotoTab(page, "Train");
  await expect(again.getByRole("region", { name: "Runs" }).locator("tbody tr")).toHaveCount(1);
  await expect(again.getByRole("region", { name: "Runs" })).toContainText("Completed");
  await expect.poll(() => lossPoints(page), { timeout: 30_000 }).toBeGreaterThan(0);
});
