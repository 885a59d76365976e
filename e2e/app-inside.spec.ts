import { expect, test } from "@playwright/test";
import { gotoTab, openTemplate, screenshot, setField, trainToEnd } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Inside the model: the digits CNN trained one epoch, then in Evaluate one validation sample's
 * feature maps (one image per channel of each convolution) and the first convolution's filters.
 */
const { app } = sandboxedHost();

test("feature maps and filters of the digits CNN", async ({ page }) => {
  test.setTimeout(240_000);
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);
  await openTemplate(page, "CNN for digits (8x8)");
  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "1");
  expect(await trainToEnd(page)).toBe("Run status: Completed");

  const tab = await gotoTab(page, "Evaluate");
  const inside = tab.getByRole("region", { name: "Inside the model" });
  await inside.getByRole("spinbutton", { name: "Validation sample" }).fill("3");
  await inside.getByRole("button", { name: "Show feature maps" }).click();
  const maps = inside.getByRole("status", { name: "Feature maps" });
  await expect(maps).toContainText("sample 3 of");
  // digits-cnn: conv2d_1 has 16 channels at 8x8, conv2d_2 32 at 4x4, 3x3 filters on one grey channel.
  const first = maps.getByRole("region", { name: "Feature maps of conv2d_1" });
  await expect(first).toContainText("Conv2D · 8×8×16");
  await expect(first.getByRole("img")).toHaveCount(16);
  const second = maps.getByRole("region", { name: "Feature maps of conv2d_2" });
  await expect(second.getByRole("img")).toHaveCount(32);
  const filters = maps.getByRole("region", { name: "Filters of conv2d_1" });
  await expect(filters).toContainText("3×3, grey, 16 filters");
  await expect(filters.getByRole("img")).toHaveCount(16);
  // The maps are drawn: a channel's canvas holds the layer's 8x8 pixels, not the empty default.
  const size = await first
    .getByRole("img", { name: "conv2d_1 channel 1", exact: true })
    .evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(size).toEqual([8, 8]);
  await inside.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("inside-feature-maps.png"));
});
