import { expect, test } from "@playwright/test";
import { MAX_EPOCHS } from "../shared/training/defaults";
import { gotoTab, openTemplate, runStatus, screenshot } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Issue 12, items 5, 6 and 8 in a real Chromium: the XOR template with its training settings
 * dropped (what a new project holds) trains to 100% accuracy with the defaults the model and data
 * give; validation is one setting, shown read-only in the Data tab, and a fraction that holds out
 * none of XOR's 4 rows is a coded warning; the Data tab states the target as a class id.
 */
const { app } = sandboxedHost();

/**
 * The defaulted run trains MAX_EPOCHS one-batch epochs; each epoch's events redraw the curves.
 * 500 took 22 s here with the load average at 18 on 2 cores; allow 1 s an epoch.
 */
const RUN_MS = MAX_EPOCHS * 1_000;

test("XOR with the model's defaults: accuracy 1.0, one validation setting and its warning", async ({ page }) => {
  test.setTimeout(RUN_MS + 90_000);
  await openEditor(page, app.url);
  await openTemplate(page, "XOR MLP");

  // Item 8: the target is a class id of 2 classes, which one sigmoid unit fits.
  const data = await gotoTab(page, "Data");
  await expect(data.getByRole("region", { name: "Data source" })).toContainText("class id (2 classes)");
  await expect(data.getByRole("region", { name: "Data and model" })).toContainText("Fits");

  // Item 5: drop the template's own settings; what shows is what the model and data suggest.
  const train = await gotoTab(page, "Train");
  const settings = train.getByRole("region", { name: "Training settings" });
  await settings.getByRole("button", { name: "Use the model's defaults" }).click();
  await expect(settings).toContainText("follow the model and the data");
  await expect(settings.getByLabel("Loss", { exact: true })).toHaveValue("binaryCrossentropy");
  await expect(settings.getByRole("checkbox", { name: "accuracy" })).toBeChecked();
  await expect(settings.getByLabel("Optimizer", { exact: true })).toHaveValue("adam");
  await expect(settings.getByLabel("Learning rate", { exact: true })).toHaveValue("0.01");
  // 4 rows are one batch an epoch: the most epochs.
  await expect(settings.getByLabel("Epochs", { exact: true })).toHaveValue(String(MAX_EPOCHS));

  // Item 6: turn validation on at 0.2, which holds out none of 4 rows: a coded warning here and in Data.
  await settings.getByLabel("Validation", { exact: true }).selectOption("split");
  const warning = settings.getByRole("list", { name: "Validation warnings" });
  await expect(warning).toContainText("W_VALIDATION_EMPTY");
  await expect(warning).toContainText("holds out 0 samples");
  await screenshot(page, test.info().outputPath("defaults-train.png"));

  await gotoTab(page, "Data");
  const note = data.getByRole("region", { name: "Validation part" });
  await expect(note).toContainText("0.2 of the samples");
  await expect(data.getByRole("region", { name: "Data warnings" })).toContainText("W_VALIDATION_EMPTY");
  await screenshot(page, test.info().outputPath("defaults-data.png"));
  await note.getByRole("button", { name: "Change in Train tab" }).click();
  await expect(page.getByRole("tabpanel", { name: "Train" })).toBeVisible();

  // Until issue 12 item 1's niceTicks fix lands, a smoothed flat accuracy curve (it stays at 1.0)
  // hangs the tab; unsmoothed, its values are equal and the axis is padded. Remove with that fix.
  await train.getByRole("slider", { name: "Smoothing" }).fill("0");
  const started = Date.now();
  await train.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Completed", { timeout: RUN_MS });
  console.log(`${MAX_EPOCHS} epochs trained in ${Date.now() - started} ms`);

  const evaluate = await gotoTab(page, "Evaluate");
  await evaluate.getByRole("combobox", { name: "On" }).selectOption("train");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  await expect(evaluate.getByTestId("accuracy")).toHaveText("100.0%", { timeout: 60_000 });
  await screenshot(page, test.info().outputPath("defaults-evaluate.png"));
});
