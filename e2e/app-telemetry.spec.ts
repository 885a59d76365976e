import { expect, test } from "@playwright/test";
import { gotoTab, screenshot, setField, startSavedTemplate, trainToEnd } from "./app-helpers";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Per-layer telemetry (issue 16, item 3) in browser mode with the real host and trainer: turn it
 * on in the settings, train XOR, and read each layer's histograms stacked over the epochs, the
 * gradient norms and the warnings in the Train tab; then a run without it says how to get it.
 */
const { app } = sandboxedHost();

test("XOR with per-layer telemetry: histograms over epochs per layer, gradient norms", async ({ page }) => {
  test.setTimeout(180_000);
  await startSavedTemplate(page, app.url, "XOR MLP", "xor-telemetry");
  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "30");
  await train.getByRole("checkbox", { name: "Record per-layer telemetry" }).check();
  expect(await trainToEnd(page)).toBe("Run status: Completed");

  const panel = train.getByRole("region", { name: "Layer telemetry" });
  await panel.scrollIntoViewIfNeeded();
  // Epoch 1 and the last epoch are always recorded; the ridges name the epochs they show.
  const weights = panel.getByRole("img", { name: /^dense_1 weights histograms over epochs 1, .*30$/ });
  await expect(weights).toBeVisible();
  expect(await weights.locator("path.ridge").count()).toBeGreaterThanOrEqual(2);
  await expect(panel).toContainText(/grad norm \d/);
  await expect(panel.getByText(/No vanishing or exploding gradients|Telemetry warnings/).first()).toBeVisible();
  await screenshot(page, test.info().outputPath("telemetry-weights.png"));

  await panel.getByRole("button", { name: "Gradients", exact: true }).click();
  await expect(panel.getByRole("img", { name: /^dense_1 gradients histograms over epochs 1, / })).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("telemetry-gradients.png") });

  // Without the setting, the view says what to do.
  await train.getByRole("checkbox", { name: "Record per-layer telemetry" }).uncheck();
  await setField(train, "Epochs", "2");
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  await expect(panel).toContainText("This run recorded no per-layer telemetry");
});
