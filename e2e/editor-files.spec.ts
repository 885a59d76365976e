import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Project } from "../shared/ir/project";
import { edgeLabel, openEditor, selectNode } from "./helpers/editor";
import { loadProject, smallCnn } from "./helpers/projects";
import { sandboxedHost } from "./helpers/spec-host";

/** Save a project through the host's folder browser, reload the window, open it again, compare. */
const { box, app } = sandboxedHost();

const currentProject = (page: import("@playwright/test").Page) =>
  page.evaluate(() => window.__netforge?.editor.project() as Project);

test("saves, reloads and opens the same project, shapes and all", async ({ page }) => {
  await openEditor(page, app.url);
  await loadProject(page, smallCnn());
  await selectNode(page, "conv2d_1");
  const filters = page.getByRole("spinbutton", { name: "filters" });
  await filters.fill("16");
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 16)");
  await expect(page.getByRole("status", { name: "Unsaved changes" })).toBeVisible();

  // Save (Ctrl+S with the canvas focused): the host's folder browser asks where.
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("Control+s");
  const dialog = page.getByRole("dialog", { name: "Save project" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: "File name" }).fill("cnn");
  await page.screenshot({ path: test.info().outputPath("save-dialog.png") });
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status", { name: "Unsaved changes" })).toHaveCount(0);

  const file = join(box.root, "cnn.netforge.json");
  const saved = JSON.parse(readFileSync(file, "utf8")) as Project;
  const before = await currentProject(page);
  expect(saved).toEqual(before);
  expect(saved.graph.nodes.find((n) => n.id === "conv2d_1")?.params.filters).toBe(16);

  // A fresh window starts blank; File > Open brings the saved project back.
  await page.reload();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await page.getByRole("button", { name: "File", exact: true }).click();
  await page.getByRole("menuitem", { name: /Open project/ }).click();
  const open = page.getByRole("dialog", { name: "Open project" });
  await open.getByRole("button", { name: "File cnn.netforge.json" }).dblclick();
  await expect(open).toBeHidden();

  await expect(page.getByRole("textbox", { name: "Project name" })).toHaveValue("Small CNN");
  await expect(edgeLabel(page, "e2")).toHaveText("(26, 26, 16)");
  expect(await currentProject(page)).toEqual(saved);
  await expect(page.getByRole("status", { name: "Unsaved changes" })).toHaveCount(0);
  await expect(page.locator(".statusbar")).toContainText("cnn.netforge.json");
  await page.screenshot({ path: test.info().outputPath("reopened.png") });
});
