import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { gotoTab, openTemplate, runStatus, saveProjectAs, screenshot, setField } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Runs belong to one project: two unsaved projects (GAN, XOR) never list each other's runs,
 * opening another template leaves nothing of the previous project in Evaluate, Evaluate offers only
 * the parts of the split a run has and names the weights' epoch, and Save As of an unsaved project
 * takes its runs beside the file, where Evaluate and Export use them. A run another project left
 * training is not listed, but can be stopped from the project that needs the trainer.
 */
const { app, box } = sandboxedHost();

async function train(page: Page, epochs: string): Promise<Locator> {
  const tab = await gotoTab(page, "Train");
  await setField(tab, "Epochs", epochs);
  await tab.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName(/Run status: (Completed|Early-stopped)/, { timeout: 120_000 });
  return tab;
}

const runRows = (tab: Locator) => tab.getByRole("region", { name: "Runs" }).locator("tbody tr");
const options = (select: Locator) => select.locator("option").allTextContents();

test("runs stay with their project: separate lists, a clean Evaluate, runs kept by Save As", async ({ page }) => {
  test.setTimeout(360_000);
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);

  await openTemplate(page, "GAN: points on a ring");
  const ganTrain = await train(page, "3");
  await expect(runRows(ganTrain)).toHaveCount(1);
  let evaluate = await gotoTab(page, "Evaluate");
  // A GAN trains on all of its data: the training part is the only one there is.
  expect(await options(evaluate.getByRole("combobox", { name: "On" }))).toEqual(["training part"]);
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  await expect(evaluate.getByTestId("report-line")).toContainText("the training part", { timeout: 60_000 });
  await expect(evaluate.getByTestId("report-line")).toContainText(/the (best|last) checkpoint \(epoch \d+\)/);

  // Another unsaved project: none of the GAN's runs, reports or choices.
  await openTemplate(page, "XOR MLP");
  evaluate = await gotoTab(page, "Evaluate");
  await expect(evaluate.getByTestId("report-line")).toHaveCount(0);
  await expect(evaluate.getByRole("heading", { name: "Nothing to evaluate yet" })).toBeVisible();
  await expect(evaluate.getByRole("combobox", { name: "Run" })).toHaveValue("");
  const xorTrain = await gotoTab(page, "Train");
  await expect(runRows(xorTrain)).toHaveCount(0);
  await train(page, "40");
  await expect(runRows(xorTrain)).toHaveCount(1);

  // XOR keeps no validation samples: Evaluate offers the training part only, and says which weights.
  evaluate = await gotoTab(page, "Evaluate");
  expect(await options(evaluate.getByRole("combobox", { name: "Run" }))).toHaveLength(1);
  expect(await options(evaluate.getByRole("combobox", { name: "On" }))).toEqual(["training part"]);
  const weights = evaluate.getByRole("combobox", { name: "Weights" });
  expect(await options(weights)).toEqual([expect.stringMatching(/^best \(epoch \d+, loss\)$/), "last (epoch 40)"]);
  await weights.selectOption("last");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  await expect(evaluate.getByTestId("report-line")).toContainText("the last checkpoint (epoch 40)", {
    timeout: 60_000,
  });
  await screenshot(page, test.info().outputPath("runs-xor-evaluate.png"));

  // Saving the unsaved project takes its run along, beside the file.
  await gotoTab(page, "Design");
  await saveProjectAs(page, "my-xor");
  await expect(page.getByText(/Saved .*my-xor\.netforge\.json with its 1 run/)).toBeVisible();
  const runsDir = join(box.root, "my-xor.runs");
  expect(existsSync(runsDir) && readdirSync(runsDir)).toHaveLength(1);
  const saved = await gotoTab(page, "Train");
  await expect(runRows(saved)).toHaveCount(1);
  // The report stays (same project, same run), and a new evaluation reads the moved run.
  evaluate = await gotoTab(page, "Evaluate");
  await expect(evaluate.getByTestId("report-line")).toBeVisible();
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  await expect(evaluate.getByRole("button", { name: "Evaluate", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(evaluate.getByRole("alert")).toHaveCount(0);
  await expect(evaluate.getByTestId("report-line")).toContainText("the last checkpoint (epoch 40)");

  const exporter = await gotoTab(page, "Export");
  await exporter.getByRole("button", { name: "Export ONNX" }).click();
  await expect(exporter.getByTestId("export-verdict")).toHaveText("✓ Verified", { timeout: 120_000 });
  const file = await exporter.getByTestId("export-file").textContent();
  expect(file?.startsWith(runsDir)).toBe(true);
  await screenshot(page, test.info().outputPath("runs-saved-export.png"));

  // Back to the GAN template: a new project again, so XOR's saved run is not in its lists.
  await openTemplate(page, "GAN: points on a ring");
  await expect(runRows(await gotoTab(page, "Train"))).toHaveCount(0);
  evaluate = await gotoTab(page, "Evaluate");
  await expect(evaluate.getByTestId("report-line")).toHaveCount(0);
  await expect(evaluate.getByRole("combobox", { name: "Run" })).toHaveValue("");

  // A run the previous project left training holds the trainer: this project says so and can stop it.
  const long = await gotoTab(page, "Train");
  await setField(long, "Epochs", "100000");
  await long.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Running");
  await openTemplate(page, "XOR MLP");
  const here = await gotoTab(page, "Train");
  await expect(runRows(here)).toHaveCount(0);
  await expect(here.getByRole("button", { name: "Start training" })).toBeDisabled();
  await here.getByRole("button", { name: "Stop other run" }).click();
  await expect(here.getByRole("button", { name: "Stop other run" })).toHaveCount(0, { timeout: 30_000 });
  await expect(here.getByRole("button", { name: "Start training" })).toBeEnabled();
});
