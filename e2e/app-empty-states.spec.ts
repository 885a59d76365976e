import { expect, type Locator, test } from "@playwright/test";
import { gotoTab, screenshot } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { loadProject, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Each tab's empty state says what is missing and has the button that takes the next step: an
 * empty design, a network without data, no trained run, an unsaved project.
 */
const { app } = sandboxedHost();

test("each tab's empty state says what to do next and its button does it", async ({ page }) => {
  await openEditor(page, app.url);
  const next = (panel: Locator, title: string) => panel.getByRole("region", { name: title, exact: true });

  // Nothing designed: Train, Evaluate and Export send to the templates or the Design tab.
  const train = await gotoTab(page, "Train");
  await expect(next(train, "Nothing to train yet")).toContainText("Build a network in the Design tab");
  await screenshot(page, test.info().outputPath("train-empty-design.png"));
  await next(train, "Nothing to train yet").getByRole("button", { name: "Start from a template" }).click();
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await expect(gallery).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(gallery).toBeHidden();
  const evaluate = await gotoTab(page, "Evaluate");
  await expect(next(evaluate, "Nothing to evaluate yet")).toBeVisible();
  const exportTab = await gotoTab(page, "Export");
  await expect(next(exportTab, "Nothing to export yet")).toBeVisible();
  await next(exportTab, "Nothing to export yet").getByRole("button", { name: "Go to Design" }).click();
  await expect(page.getByRole("tab", { name: "Design" })).toHaveAttribute("aria-selected", "true");

  const data = await gotoTab(page, "Data");
  await expect(data.getByRole("heading", { name: "No dataset bound yet" })).toBeVisible();
  await expect(data.getByRole("button", { name: "Choose file…" })).toBeEnabled();
  await expect(data.getByRole("button", { name: "Start from a template" })).toBeVisible();

  // A network without data: Train sends to Data; Evaluate to Train; Export asks to save first.
  await loadProject(page, smallCnn());
  await gotoTab(page, "Train");
  await expect(next(train, "No data to train on")).toBeVisible();
  await screenshot(page, test.info().outputPath("train-no-data.png"));
  await next(train, "No data to train on").getByRole("button", { name: "Go to Data" }).click();
  await expect(page.getByRole("tabpanel", { name: "Data" })).toBeVisible();
  await expect(data.getByRole("button", { name: "Start from a template" })).toHaveCount(0);

  await gotoTab(page, "Evaluate");
  await next(evaluate, "Nothing to evaluate yet").getByRole("button", { name: "Go to Train" }).click();
  await expect(page.getByRole("tabpanel", { name: "Train" })).toBeVisible();

  await gotoTab(page, "Export");
  await expect(next(exportTab, "Save, then train")).toBeVisible();
  await screenshot(page, test.info().outputPath("export-unsaved.png"));
  await next(exportTab, "Save, then train").getByRole("button", { name: "Save project…" }).click();
  await expect(page.getByRole("dialog", { name: "Save project" })).toBeVisible();
});
