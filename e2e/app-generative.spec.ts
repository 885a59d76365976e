import { expect, type Locator, type Page, test } from "@playwright/test";
import { gotoTab, openTemplate, screenshot, setField, trainToEnd } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The Evaluate tab's other views, each on a template trained briefly in an unsaved project (runs
 * kept in memory): regression (error measures, predicted-vs-actual and residual plots), the
 * variational autoencoder (reconstructions), and the GAN on a ring (generated points beside real
 * ones, and the samples it made after each epoch).
 */
const { app } = sandboxedHost();

/** Opens and trains a template, for `epochs` or (none given) with the settings it opens with. */
async function trainTemplate(page: Page, template: string, epochs?: string): Promise<void> {
  await openTemplate(page, template);
  const train = await gotoTab(page, "Train");
  await expect(train.getByRole("note")).toHaveCount(0);
  await expect(train.getByText("This project is not saved")).toBeVisible();
  if (epochs) await setField(train, "Epochs", epochs);
  expect(await trainToEnd(page)).toMatch(/Run status: (Completed|Early-stopped)/);
}

async function evaluate(page: Page, split: "validation" | "train"): Promise<Locator> {
  const tab = await gotoTab(page, "Evaluate");
  await tab.getByRole("combobox", { name: "On" }).selectOption(split);
  const button = tab.getByRole("button", { name: "Evaluate", exact: true });
  await button.click();
  // The button reads "Evaluating…" until the report is in; only then is the report this run's.
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await expect(tab.getByTestId("report-line")).toBeVisible();
  return tab;
}

test("regression, autoencoder and GAN views", async ({ page }) => {
  test.setTimeout(300_000);
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);

  await trainTemplate(page, "Regression MLP", "60");
  let tab = await evaluate(page, "validation");
  const metrics = tab.getByRole("region", { name: "Regression metrics" });
  for (const name of ["MAE", "MSE", "RMSE", "R²", "Adjusted R²"])
    await expect(metrics.getByText(name, { exact: true })).toBeVisible();
  await expect(
    tab.getByRole("figure", { name: "Predicted vs actual chart" }).locator(".recharts-scatter-symbol").first(),
  ).toBeVisible();
  await expect(tab.getByRole("figure", { name: "Residuals chart" })).toBeVisible();
  await screenshot(page, test.info().outputPath("regression-evaluate.png"));

  // Plain SGD at rate 1 blows up: the run says why and offers the usual fixes.
  const train = await gotoTab(page, "Train");
  await train.getByLabel("Optimizer", { exact: true }).selectOption("sgd");
  await setField(train, "Learning rate", "1");
  expect(await trainToEnd(page)).toBe("Run status: Diverged");
  const problem = train.getByRole("alert").filter({ hasText: "The run diverged." });
  await expect(problem).toContainText("Lower the learning rate");
  await screenshot(page, test.info().outputPath("regression-diverged.png"));
  await problem.getByRole("button", { name: "Lower the learning rate to 0.1" }).click();
  await expect(train.getByLabel("Learning rate", { exact: true })).toHaveValue("0.1");
  await problem.getByRole("button", { name: "Clip gradients (norm 1)" }).click();
  await expect(train.getByLabel("Gradient clipping", { exact: true })).toHaveValue("norm");

  await trainTemplate(page, "Variational autoencoder", "30");
  tab = await evaluate(page, "validation");
  await expect(tab.getByRole("region", { name: "Reconstructions" })).toBeVisible();
  await expect(tab.getByRole("region", { name: "Reconstruction error" })).toContainText("MSE");
  await screenshot(page, test.info().outputPath("vae-evaluate.png"));

  // The GAN trains as a learner opens it (its defaults reach the ring), and its Train tab names
  // the two losses its loop minimizes instead of offering a loss choice it would ignore.
  await openTemplate(page, "GAN: points on a ring");
  const ganTrain = await gotoTab(page, "Train");
  const losses = ganTrain.getByRole("region", { name: "GAN losses" });
  await expect(losses).toContainText("Binary cross-entropy");
  for (const name of ["d_loss", "g_loss"]) await expect(losses.getByText(name, { exact: true })).toBeVisible();
  await expect(ganTrain.getByLabel("Loss", { exact: true })).toHaveCount(0);
  await expect(ganTrain.getByText("Mean squared error")).toHaveCount(0);
  await screenshot(page, test.info().outputPath("gan-train-settings.png"));
  await trainTemplate(page, "GAN: points on a ring");
  // The autoencoder's report is not shown as if it were the GAN run's.
  await expect((await gotoTab(page, "Evaluate")).getByTestId("report-line")).toHaveCount(0);
  tab = await evaluate(page, "train");
  await expect(tab.getByRole("region", { name: "Generated samples" }).getByRole("img")).toBeVisible();
  const perEpoch = tab.getByRole("region", { name: "Samples per epoch" });
  await expect(perEpoch.getByRole("img").first()).toBeVisible();
  expect(await perEpoch.getByRole("img").count()).toBeGreaterThan(1);
  await screenshot(page, test.info().outputPath("gan-evaluate.png"));
});
