import { expect, test } from "@playwright/test";
import { openTemplate, screenshot } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The notes' 2-2-2 backprop example in the step-through under the canvas, computed by the real
 * trainer: forward block by block, the loss, then backward, where the output block shows
 * dE/dw5 = 0.0822 and w5 = 0.3589 after one step at lr 0.5, and each step selects its block.
 */
const { app } = sandboxedHost();

test("step through the 2-2-2 backprop template: dE/dw5 0.0822 and w5 0.3589", async ({ page }) => {
  test.setTimeout(120_000);
  await openEditor(page, app.url);
  await openTemplate(page, "Backprop 2-2-2 (worked example)");

  const panel = page.getByRole("region", { name: "Step-through" });
  await panel.getByRole("button", { name: "Step through", exact: true }).click();
  // The first answer waits for a trainer process to start (loading TensorFlow.js).
  await expect(panel.getByRole("status")).toHaveText("Sample 0: 12 weights", { timeout: STALL_MS });

  await expect(panel.getByRole("heading")).toHaveText("Forward 1 of 2: hidden (Dense)");
  await expect(panel.getByRole("row", { name: "net" })).toContainText("0.3775  0.3925");
  await expect(page.locator(".react-flow__node.selected")).toContainText("h");

  const next = panel.getByRole("button", { name: "Next" });
  await next.click();
  await expect(panel.getByRole("heading")).toHaveText("Forward 2 of 2: output (Dense)");
  await expect(panel.getByRole("row", { name: "out" })).toContainText("0.7514  0.7729");
  await next.click();
  await expect(panel.getByRole("heading")).toHaveText("Loss: meanSquaredError");
  await expect(panel.getByRole("row", { name: "L", exact: true })).toContainText("0.2984");
  await next.click();
  await expect(panel.getByRole("heading")).toHaveText("Backward 1 of 2: output (Dense)");
  // The output kernel is [[w5, w7], [w6, w8]]: w5 is its first value.
  await expect(panel.getByRole("row", { name: "dL/dkernel" })).toContainText("0.0822  -0.0226");
  await expect(panel.getByRole("row", { name: "kernel'" })).toContainText("0.3589  0.5113");
  await screenshot(page, test.info().outputPath("step-through-w5.png"));

  await next.click();
  await expect(panel.getByRole("heading")).toHaveText("Backward 2 of 2: hidden (Dense)");
  await expect(next).toBeDisabled();
  await panel.getByRole("button", { name: "Back" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Backward 1 of 2: output (Dense)");

  // A sample typed in instead of the data's: the forward pass starts from it.
  await panel.getByRole("textbox", { name: "x" }).fill("1, 0");
  await panel.getByRole("button", { name: "Step through", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText(
    'y: expected numbers separated by commas (e.g. 0.05, 0.1) or a JSON array; received ""',
  );
  await panel.getByRole("textbox", { name: "y" }).fill("0, 1");
  await panel.getByRole("button", { name: "Step through", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("Typed-in sample: 12 weights", { timeout: STALL_MS });
  await expect(panel.getByRole("heading")).toHaveText("Forward 1 of 2: hidden (Dense)");
  // net_h1 = w1 * 1 + w2 * 0 + b1 = 0.15 + 0.35
  await expect(panel.getByRole("row", { name: "net" })).toContainText("0.5000  0.6000");
  await screenshot(page, test.info().outputPath("step-through-typed.png"));
});
