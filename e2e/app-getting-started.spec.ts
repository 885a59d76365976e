import { expect, type Page, test } from "@playwright/test";
import { gotoTab, runStatus, screenshot } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Help for a newcomer: the getting-started walk from the first screen to a trained and evaluated
 * XOR, closed half-way and resumed. (Each tab's empty state: app-empty-states.spec.ts, with a host
 * of its own, since this spec's run would be listed there.)
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
