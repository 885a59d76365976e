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

test("each card shows its graph, size and data; search finds layer kinds; Enter opens the first match", async ({
  page,
}) => {
  await openEditor(page, app.url);
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await page.getByRole("button", { name: "Templates", exact: true }).click();
  const search = gallery.getByRole("searchbox", { name: "Search templates" });
  await expect(search).toBeFocused();
  const lenet = gallery.getByRole("button", { name: "Open template LeNet-5", exact: true });
  await expect(lenet.getByRole("img", { name: /^Graph of LeNet-5/ })).toBeVisible();
  await expect(lenet).toContainText("61,706 parameters");
  await expect(lenet).toContainText("data: IDX");
  await expect(lenet).toContainText("on a laptop CPU");
  const cards = gallery.getByRole("button", { name: /^Open template / });
  const all = await cards.count();
  await expect(gallery.getByRole("img", { name: /^Graph of / })).toHaveCount(all);
  await page.screenshot({ path: test.info().outputPath("gallery-cards.png") });

  await search.fill("LSTM");
  await expect(cards.first()).toBeVisible();
  await expect(gallery.getByRole("button", { name: "Open template LSTM sequence classifier" })).toBeVisible();
  await expect(gallery.getByRole("button", { name: "Open template XOR MLP" })).toBeHidden();
  const units = await gallery.getByRole("region").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  expect(units.length).toBeGreaterThan(0);
  for (const u of units) expect(["Recurrent networks", "Sequence to sequence"]).toContain(u);
  expect(await cards.count()).toBeLessThan(all);
  await page.screenshot({ path: test.info().outputPath("gallery-lstm.png") });

  // Branching graphs (residual, DenseNet, VAE, GAN) drawn as the canvas lays them out.
  await search.fill("block");
  await expect(gallery.getByRole("img", { name: /^Graph of .*DenseNet/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("gallery-blocks.png") });
  await search.fill("no such network");
  await expect(gallery.getByRole("status")).toContainText("No template matches “no such network”");
  await page.screenshot({ path: test.info().outputPath("gallery-empty.png") });
  await gallery.getByRole("button", { name: "Clear search" }).click();
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await expect(cards).toHaveCount(all);

  await search.fill("autoencoder");
  const first = ((await cards.first().getAttribute("aria-label")) ?? "").replace(/^Open template /, "");
  expect(first).not.toBe("");
  await search.press("Enter");
  await expect(gallery).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Project name" })).toHaveValue(first);
});
