import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { gotoTab, screenshot, startSavedTemplate } from "./app-helpers";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * A user whose model will not learn, on the Train tab of the saved XOR template: Check gradients
 * shows a verdict per weight tensor, Overfit a tiny batch says it learned the batch, and neither
 * makes a run nor changes the project file.
 */
const { app, box } = sandboxedHost();

test("XOR: check gradients and overfit a tiny batch from the Train tab", async ({ page }) => {
  test.setTimeout(180_000);
  await startSavedTemplate(page, app.url, "XOR MLP", "xor");
  const file = join(box.root, "xor.netforge.json");
  const saved = readFileSync(file, "utf8");

  const train = await gotoTab(page, "Train");
  const card = train.getByRole("region", { name: "Debug the model" });
  await card.getByRole("button", { name: "Check gradients" }).click();
  // The first answer waits for a trainer to start (loading TensorFlow.js).
  await expect(card.getByText(/^Gradient check: pass$/)).toBeVisible({ timeout: STALL_MS });
  const rows = card.getByRole("region", { name: "Gradient check result" }).locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText("dense_1");
  await expect(rows.first()).toHaveAttribute("data-verdict", "pass");

  await card.getByRole("button", { name: "Overfit a tiny batch" }).click();
  await expect(card.getByRole("status", { name: "Overfit result" })).toContainText(
    /learned the batch \(loss [\d.]+ -> [\d.e-]+ in \d+ steps\)/,
    { timeout: STALL_MS },
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("debug-checks.png"));

  await expect(train.getByRole("region", { name: "Runs" })).toContainText("No runs yet");
  expect(readFileSync(file, "utf8")).toBe(saved);
  expect(readdirSync(box.root).filter((f) => f.endsWith(".runs"))).toEqual([]);
});
