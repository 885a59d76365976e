import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import {
  gotoTab,
  lossPoints,
  runStatus,
  saveProject,
  screenshot,
  setField,
  startSavedTemplate,
  trainerPids,
  trainToEnd,
} from "./app-helpers";
import { STALL_MS } from "./helpers/patience";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * The trainer process killed in the middle of a run: the run ends as failed with the reason, the
 * window keeps working, the project file is untouched, and the next run starts a fresh trainer.
 */
const { box, app } = sandboxedHost();

test("trainer killed mid-run: error shown, window usable, project intact, new run trains", async ({ page }) => {
  test.setTimeout(240_000);
  await startSavedTemplate(page, app.url, "XOR MLP", "crash");
  const train = await gotoTab(page, "Train");
  await setField(train, "Epochs", "100000");
  await saveProject(page);
  const file = join(box.root, "crash.netforge.json");
  const before = readFileSync(file, "utf8");

  await train.getByRole("button", { name: "Start training" }).click();
  await expect(runStatus(page)).toHaveAccessibleName("Run status: Running");
  // The first points wait for a trainer to start (loading TensorFlow.js).
  await expect.poll(() => lossPoints(page), { timeout: STALL_MS }).toBeGreaterThan(5);
  const pids = trainerPids(app.pid);
  expect(pids, "the host's trainer process").toHaveLength(1);
  process.kill(pids[0], "SIGKILL");

  await expect(runStatus(page)).toHaveAccessibleName("Run status: Failed", { timeout: 15_000 });
  const problem = train.getByRole("alert").filter({ hasText: "The run failed." });
  await expect(problem).toContainText("trainer process exited");
  await screenshot(page, test.info().outputPath("crash-failed.png"));

  // The window still works: other tabs, the design, undo.
  await gotoTab(page, "Data");
  await expect(page.getByRole("region", { name: "Data and model" })).toContainText("Fits");
  await gotoTab(page, "Design");
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  expect(readFileSync(file, "utf8")).toBe(before);

  // A new run starts a fresh trainer and completes.
  const again = await gotoTab(page, "Train");
  await setField(again, "Epochs", "40");
  expect(await trainToEnd(page)).toBe("Run status: Completed");
  const fresh = trainerPids(app.pid);
  expect(fresh).toHaveLength(1);
  expect(fresh[0]).not.toBe(pids[0]);
  const rows = again.getByRole("region", { name: "Runs" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(again.getByRole("region", { name: "Runs" })).toContainText("Failed");
  await screenshot(page, test.info().outputPath("crash-recovered.png"));
  expect(JSON.parse(readFileSync(file, "utf8")).graph).toEqual(JSON.parse(before).graph);
});
