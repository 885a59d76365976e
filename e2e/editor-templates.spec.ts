import { expect, test } from "@playwright/test";
import { COURSE_UNITS } from "../shared/ir/course-units";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/** Every starter template in the gallery opens as a project with no diagnostics at all. */
const { app } = sandboxedHost();

test("opens each template from the gallery and shows no diagnostics", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await page.getByRole("button", { name: "Templates", exact: true }).click();
  const cards = gallery.getByRole("button", { name: /^Open template / });
  await expect(cards.first()).toBeVisible();
  const names = (await cards.allTextContents()).length;
  expect(names).toBeGreaterThanOrEqual(9);
  // Grouped by course unit, in course order, each card tagged with its unit.
  const units = await gallery.getByRole("region").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  expect(units.slice(0, 2)).toEqual(["Perceptrons", "Multilayer networks"]);
  expect(units).toEqual(COURSE_UNITS.filter((u) => units.includes(u)));
  const perceptrons = gallery.getByRole("region", { name: "Perceptrons" });
  await expect(perceptrons.getByRole("button", { name: "Open template Perceptron: AND gate" })).toContainText(
    "Perceptrons",
  );
  const labels = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  await page.screenshot({ path: test.info().outputPath("gallery.png") });
  await page.keyboard.press("Escape");
  await expect(gallery).toBeHidden();

  for (const label of labels) {
    await page.getByRole("button", { name: "Templates", exact: true }).click();
    await gallery.getByRole("button", { name: label, exact: true }).click();
    await expect(gallery).toBeHidden();
    const name = label.replace(/^Open template /, "");
    await expect(page.getByRole("textbox", { name: "Project name" })).toHaveValue(name);
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Validation: Valid" }), `${name} has diagnostics`).toBeVisible();
    await expect(page.getByRole("region", { name: "Problems", exact: true }).getByRole("listitem")).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath(`template-${name.replace(/\W+/g, "-").toLowerCase()}.png`) });
  }
});
