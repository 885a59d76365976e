import { expect, type Page, test } from "@playwright/test";
import { gotoTab, runStatus, screenshot } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { loadProject, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Help for a newcomer: the getting-started walk from the first screen to a trained and evaluated
 * XOR (closed half-way and resumed), and each tab's empty state with the button to the next step.
 */
const { app } = sandboxedHost();

const walk = (page: Page) => page.getByRole("dialog", { name: "Getting started" });
const walkStep = (page: Page, title: string) => walk(page).getByRole("heading", { name: title });

test("the walk: from the empty first screen to a trained, evaluated XOR, closed and resumed on the way", async ({
  page,
}) => {
  // 300 epochs of XOR in the trainer; on a loaded machine that takes minutes, not seconds.
  test.setTimeout(300_000);
  await openEditor(page, app.url);
  await page.getByRole("button", { name: "Take the getting-started walk" }).click();
  await expect(walkStep(page, "Open the XOR example")).toBeVisible();
  await expect(walk(page)).toContainText("step 1 of 6");
  // The ring sits around the real Templates button.
  const ring = page.locator(".walk-ring");
  const [ringBox, templatesBox] = await Promise.all([
    ring.boundingBox(),
    page.getByRole("button", { name: "Templates", exact: true }).boundingBox(),
  ]);
  expect(ringBox && templatesBox && ringBox.x <= templatesBox.x && ringBox.y <= templatesBox.y).toBe(true);
  await screenshot(page, test.info().outputPath("walk-1-open.png"));

  await walk(page).getByRole("button", { name: "Open XOR" }).click();
  await expect(page.getByRole("textbox", { name: "Project name" })).toHaveValue("XOR MLP");
  await expect(walkStep(page, "Read the network")).toBeVisible();
  await walk(page).getByRole("button", { name: "Next" }).click();
  await expect(walkStep(page, "See the data")).toBeVisible();

  // Closed half-way, it resumes at the same step from the top bar.
  await walk(page).getByRole("button", { name: "Close" }).click();
  await expect(walk(page)).toBeHidden();
  await page.getByRole("button", { name: "Getting started" }).click();
  await expect(walkStep(page, "See the data")).toBeVisible();

  await gotoTab(page, "Data");
  await expect(walkStep(page, "Train it")).toBeVisible();
  await expect(walk(page)).toContainText("Open the Train tab");
  const train = await gotoTab(page, "Train");
  await expect(walk(page)).toContainText("Press Start training");
  await screenshot(page, test.info().outputPath("walk-4-train.png"));
  await train.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Completed", { timeout: 240_000 });
  await expect(walkStep(page, "Evaluate it")).toBeVisible();

  const evaluate = await gotoTab(page, "Evaluate");
  await expect(walk(page)).toContainText("Press Evaluate");
  // XOR trains on all four rows and keeps none for validation.
  await evaluate.getByLabel("On").selectOption("train");
  await evaluate.getByRole("button", { name: "Evaluate", exact: true }).click();
  await expect(evaluate.getByTestId("report-line")).toContainText("accuracy");
  await screenshot(page, test.info().outputPath("walk-5-evaluate.png"));
  await walk(page).getByRole("button", { name: "Next" }).click();
  await expect(walkStep(page, "Export it")).toBeVisible();
  await expect(walk(page)).toContainText("save the project");
  await walk(page).getByRole("button", { name: "Finish" }).click();
  await expect(walk(page)).toBeHidden();
});

test("each tab's empty state says what to do next and its button does it", async ({ page }) => {
  await openEditor(page, app.url);
  const next = (panel: import("@playwright/test").Locator, title: string) =>
    panel.getByRole("region", { name: title, exact: true });

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
