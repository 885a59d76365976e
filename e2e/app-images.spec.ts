import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import {
  gotoTab,
  lossPoints,
  maxAbsDiff,
  openProject,
  openTemplate,
  saveProject,
  saveProjectAs,
  screenshot,
  setField,
  trainToEnd,
} from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

const ROOT = join(import.meta.dirname, "..");
const CLASSES = ["0", "1", "2"];
const PER_CLASS = 40;
/** Images of a 1 filed under 0: label noise, which the most confident mistakes should reveal. */
const MISLABELED = 8;

/**
 * An image-folder classifier: the bundled 8x8 digits (resources/datasets/digits-8x8.csv) written
 * out as PNG files, one subfolder per class, chosen with the host's folder browser. The model
 * (the Fashion-MNIST template) does not fit the images at first: the Data tab says so and fixes
 * it; then train, evaluate (thumbnails of the mistakes), export ONNX verified, reload.
 */
async function writeDigits(folder: string): Promise<void> {
  const lines = readFileSync(join(ROOT, "resources/datasets/digits-8x8.csv"), "utf8").trim().split("\n").slice(1);
  const written = new Map<string, number>();
  const files: Promise<void>[] = [];
  let wrong = 0;
  for (const line of lines) {
    const cells = line.split(",").map(Number);
    let label = String(cells[64]);
    let name = `digit-${String(written.get(label) ?? 0).padStart(3, "0")}.png`;
    const n = written.get(label) ?? 0;
    if (!CLASSES.includes(label)) continue;
    if (n >= PER_CLASS) {
      if (label !== "1" || wrong >= MISLABELED) continue;
      name = `mislabeled-${wrong++}.png`;
      label = "0";
    } else written.set(label, n + 1);
    mkdirSync(join(folder, label), { recursive: true });
    // Pixels are 0..16 in the file.
    const pixels = Buffer.from(cells.slice(0, 64).map((v) => Math.round((v / 16) * 255)));
    const file = join(folder, label, name);
    files.push(
      sharp(pixels, { raw: { width: 8, height: 8, channels: 1 } })
        .png()
        .toBuffer()
        .then((b) => writeFileSync(file, b)),
    );
  }
  await Promise.all(files);
}

const { box, app } = sandboxedHost({ prepare: (b) => writeDigits(join(b.root, "digits")) });

test("image folder: choose, fit the model, train, evaluate, export, reload", async ({ page }) => {
  test.setTimeout(300_000);
  page.on("dialog", (d) => d.accept());
  // The window's CSP forbids eval: nothing (zod's JIT probe included) may even try it.
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(e.violatedDirective));
  });
  await openEditor(page, app.url);
  await openTemplate(page, "Fashion-MNIST MLP");
  await saveProjectAs(page, "digits");

  const data = await gotoTab(page, "Data");
  await data.getByRole("button", { name: "Choose folder…" }).first().click();
  const browser = page.getByRole("dialog", { name: /Choose a data folder/ });
  await browser.getByRole("button", { name: "Folder digits" }).click();
  await browser.getByRole("button", { name: "Choose this folder" }).click();
  await expect(browser).toBeHidden();

  const classes = data.getByRole("region", { name: "Images per class" });
  await expect(classes.locator(".class-tile")).toHaveCount(3);
  await expect(data.getByRole("region", { name: "Class balance" })).toContainText("48 (38%)");
  await expect(data.getByRole("region", { name: "Class balance" })).toContainText("40 (31%) · 32/8/0");
  const binding = data.getByRole("region", { name: "Data and model" });
  await expect(binding.getByText("E_DATA_INPUT_SHAPE")).toBeVisible();
  await expect(binding.getByText("E_DATA_OUTPUT_SIZE")).toBeVisible();
  // The grid shows the images themselves (data.thumbnails), and the mismatches reach the design's validation.
  await expect(classes.locator("img.thumbnail").first()).toBeVisible();
  expect(await classes.locator("img.thumbnail").count()).toBe(await classes.locator(".file-list li").count());
  await expect(page.getByRole("button", { name: "Validation: 2 errors" })).toBeVisible();
  await screenshot(page, test.info().outputPath("images-data-mismatch.png"));

  // Grey 16x16 images (the preprocessing form), then the two one-click fixes.
  const prep = data.getByRole("region", { name: "Preprocessing" });
  await prep.getByLabel("Color", { exact: true }).selectOption("grayscale");
  await setField(prep, "Image size 1", "16");
  await setField(prep, "Image size 2", "16");
  await expect(data.getByRole("region", { name: "Data source" })).toContainText("[16,16,1]");
  await binding.getByRole("button", { name: "Set the Input's shape to [16,16,1]" }).click();
  await binding.getByRole("button", { name: /^Set dense_2's units to 3$/ }).click();
  await expect(binding).toContainText("Fits");
  await expect(page.getByRole("button", { name: "Validation: Valid" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  await screenshot(page, test.info().outputPath("images-data.png"));

  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "6");
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  expect(await lossPoints(page)).toBeGreaterThan(6);
  await screenshot(page, test.info().outputPath("images-train.png"));

  // 20% of each class held out: the confusion matrix counts each validation image once.
  const evaluate = await gotoTab(page, "Evaluate");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  const matrix = evaluate.getByRole("table", { name: "Confusion matrix" });
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  const cells = await matrix.locator("td").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))));
  const samples = Number(await evaluate.getByTestId("report-line").locator("strong").first().textContent());
  expect(samples).toBeGreaterThanOrEqual(25);
  expect(samples).toBeLessThanOrEqual(27);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(samples);
  await screenshot(page, test.info().outputPath("images-evaluate.png"));

  // On the training part the mislabeled 1s are confident mistakes, shown as thumbnails.
  await evaluate.getByRole("combobox", { name: "On" }).selectOption("train");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  const mistakes = evaluate.getByRole("region", { name: "Worst mistakes" });
  await expect(mistakes.getByRole("img").first()).toBeVisible({ timeout: 60_000 });
  await expect(mistakes.getByRole("img", { name: /mislabeled/ }).first()).toBeVisible();
  await mistakes.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("images-mistakes.png"));

  // Try it with an image file: the run's own preprocessing (grey, 16x16) turns it into a sample.
  const tryIt = evaluate.getByRole("region", { name: "Try it" });
  await tryIt.getByLabel("Image to classify").setInputFiles(join(box.root, "digits", "2", "digit-000.png"));
  await expect(tryIt.getByTestId("predicted-class")).toHaveText(/^[012]$/);
  await tryIt.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("images-try-it.png"));

  const exporter = await gotoTab(page, "Export");
  await exporter.getByRole("button", { name: "Export ONNX" }).click();
  await expect(exporter.getByTestId("export-verdict")).toHaveText("✓ Verified", { timeout: 120_000 });
  expect(await maxAbsDiff(page)).toBeLessThan(1e-4);
  await screenshot(page, test.info().outputPath("images-export.png"));

  await saveProject(page);
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await openProject(page, "digits.netforge.json");
  const again = await gotoTab(page, "Train");
  await expect(again.getByRole("region", { name: "Runs" }).locator("tbody tr")).toHaveCount(1);
  const saved = JSON.parse(readFileSync(join(box.root, "digits.netforge.json"), "utf8"));
  expect(saved.data.source).toMatchObject({
    kind: "imageFolder",
    path: "digits",
    color: "grayscale",
    targetSize: [16, 16],
  });
});
