import { expect, test } from "@playwright/test";
import { dropBlock, edgeLabel, flowNode, openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Recurrent initial states on the canvas: an LSTM shows its optional h and c inputs as hollow,
 * dashed handles, and the classic seq2seq template wires the encoder's final h and c into them.
 */
const { app } = sandboxedHost();

test("the seq2seq template starts its decoder from the encoder's h and c", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);
  await page.getByRole("button", { name: "Templates", exact: true }).click();
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await gallery.getByRole("button", { name: /^Open template Seq2seq: dates to ISO/ }).click();
  await expect(gallery).toBeHidden();
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();

  const decoder = flowNode(page, "decoder");
  for (const port of ["h", "c"]) {
    const handle = decoder.getByLabel(`decoder input ${port}`, { exact: true });
    await expect(handle).toHaveAttribute("data-optional", "true");
    await expect(handle).toHaveClass(/port-optional/);
  }
  await expect(decoder.getByLabel("decoder input in", { exact: true })).not.toHaveAttribute("data-optional");
  // The state wires carry one (units) vector each, the encoder's final h and c.
  await expect(edgeLabel(page, "e5")).toHaveText("(64)");
  await expect(edgeLabel(page, "e6")).toHaveText("(64)");
  await page.screenshot({ path: test.info().outputPath("seq2seq-template.png") });
});

test("a plain LSTM from the palette shows its state inputs as optional", async ({ page }) => {
  await openEditor(page, app.url);
  await dropBlock(page, "LSTM", { x: 60, y: 80 });
  const lstm = flowNode(page, "lstm_1");
  await expect(lstm.getByText("h?", { exact: true })).toBeVisible();
  await expect(lstm.getByText("c?", { exact: true })).toBeVisible();
  await expect(lstm.getByLabel("lstm_1 input c", { exact: true })).toHaveClass(/port-optional/);
  await expect(lstm.getByLabel("lstm_1 input in", { exact: true })).not.toHaveClass(/port-optional/);
  await page.screenshot({ path: test.info().outputPath("lstm-ports.png") });
});
