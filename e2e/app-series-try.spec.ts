import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { sequential } from "../shared/ir/builder";
import { PROJECT_FORMAT, PROJECT_VERSION } from "../shared/ir/project";
import { gotoTab, openProject, screenshot, trainToEnd } from "./app-helpers";
import { openEditor } from "./helpers/editor";
import { sandboxedHost } from "./helpers/spec-host";

/**
 * Try it on a time-series run: the recent raw steps pasted as CSV rows under their header, the
 * forecast answered per horizon step in the series' units (not the model's scaled ones).
 */
const ROOT = join(import.meta.dirname, "..");
const SERIES = join(ROOT, "resources/datasets/seasonal-series.csv");

const { app } = sandboxedHost({
  prepare: async (box) => {
    copyFileSync(SERIES, join(box.root, "series.csv"));
    const graph = sequential([12, 1], ["Flatten"], ["Dense", { units: 2 }]);
    const source = { kind: "timeSeries", path: "series.csv", lookback: 12, horizon: 2, differencing: true };
    const project = {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      name: "Series forecaster",
      graph,
      data: { source },
      training: {
        epochs: 2,
        loss: { type: "meanSquaredError" },
        metrics: [],
        validation: { type: "split", fraction: 0.2 },
      },
    };
    writeFileSync(join(box.root, "series.netforge.json"), JSON.stringify(project));
  },
});

test("series: train, then forecast from pasted raw steps in the series' units", async ({ page }) => {
  test.setTimeout(240_000);
  page.on("dialog", (d) => d.accept());
  await openEditor(page, app.url);
  await openProject(page, "series.netforge.json");
  await gotoTab(page, "Train");
  expect(await trainToEnd(page)).toBe("Run status: Completed");

  const evaluate = await gotoTab(page, "Evaluate");
  const tryIt = evaluate.getByRole("region", { name: "Try it" });
  const lines = readFileSync(SERIES, "utf8").trim().split("\n");
  await tryIt.getByLabel("Recent steps").fill([lines[0], ...lines.slice(-20)].join("\n"));
  await tryIt.getByRole("button", { name: "Predict" }).click();
  const answer = tryIt.getByRole("status", { name: "Prediction" });
  await expect(answer).toContainText("value t+1");
  // Differencing undone onto the last step (a level near the series', not a scaled change near 0).
  const text = (await answer.textContent()) ?? "";
  const [first] = [...text.matchAll(/value t\+1 (-?[\d.]+)/g)].map((m) => Number(m[1]));
  const last = Number(lines.at(-1)?.split(",")[1]);
  expect(Math.abs(first - last)).toBeLessThan(10);
  expect(first).toBeGreaterThan(1);
  await tryIt.scrollIntoViewIfNeeded();
  await screenshot(page, test.info().outputPath("series-try-it.png"));
});
