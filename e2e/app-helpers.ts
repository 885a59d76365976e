import { readdirSync, readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { openEditor } from "./helpers/editor";
import { STALL_MS, whileProgressing } from "./helpers/patience";

/**
 * Helpers of the whole-job specs (app-*.spec.ts; the host itself comes from helpers/spec-host.ts):
 * the trainer processes of a host (the crash spec kills one), and page actions that go through the
 * UI the way a person does: the template gallery, Save As in the host's folder browser, the tabs
 * and their buttons, found by role and name.
 */
/** The trainer processes started by the host `hostPid` (its descendants running main/trainer). */
export function trainerPids(hostPid: number): number[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: the ppid follows the last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      commands.set(pid, readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " "));
    } catch {
      // The process ended while we looked.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === hostPid) return true;
    return false;
  };
  // The trainer runs from source (trainer/index.ts with tsx) or from the CLI's build (out/cli/<build>/trainer.js).
  const trainer = /trainer[\\/]index\.ts|out[\\/]cli[\\/][^ ]*trainer\.js/;
  return [...commands].filter(([pid, cmd]) => trainer.test(cmd) && descends(pid)).map(([pid]) => pid);
}

/**
 * The start of a whole job: the editor at `url` (confirmations answered yes), a template opened
 * and saved as `fileName` in the host's folder.
 */
export async function startSavedTemplate(page: Page, url: string, template: string, fileName: string): Promise<void> {
  page.on("dialog", (d) => d.accept());
  await openEditor(page, url);
  await openTemplate(page, template);
  await saveProjectAs(page, fileName);
}

export async function openTemplate(page: Page, name: string): Promise<void> {
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await page.getByRole("button", { name: "Templates", exact: true }).click();
  await gallery.getByRole("button", { name: `Open template ${name}`, exact: true }).click();
  await expect(gallery).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Project name" })).toHaveValue(name);
}

/** Save As through the host's folder browser, into the folder it opens on (the host's root). */
export async function saveProjectAs(page: Page, fileName: string): Promise<void> {
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("Control+Shift+s");
  const dialog = page.getByRole("dialog", { name: "Save project" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: "File name" }).fill(fileName);
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status", { name: "Unsaved changes" })).toHaveCount(0);
}

/** File > Save (the project already has a file). */
export async function saveProject(page: Page): Promise<void> {
  await page.getByRole("button", { name: "File", exact: true }).click();
  await page.getByRole("menuitem", { name: /^Save\b(?! as)/ }).click();
  await expect(page.getByRole("status", { name: "Unsaved changes" })).toHaveCount(0);
}

export async function openProject(page: Page, fileName: string): Promise<void> {
  await page.getByRole("button", { name: "File", exact: true }).click();
  await page.getByRole("menuitem", { name: /Open project/ }).click();
  const open = page.getByRole("dialog", { name: "Open project" });
  await open.getByRole("button", { name: `File ${fileName}` }).dblclick();
  await expect(open).toBeHidden();
}

export type TabName = "Design" | "Data" | "Train" | "Evaluate" | "Export";

export async function gotoTab(page: Page, tab: TabName): Promise<Locator> {
  await page.getByRole("tab", { name: tab, exact: true }).click();
  const panel = page.getByRole("tabpanel", { name: tab });
  await expect(panel).toBeVisible();
  return panel;
}

/** Types into a generated settings field (committed on Enter, one undo step). */
export async function setField(scope: Locator, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press("Enter");
}

export const runStatus = (page: Page): Locator =>
  page.getByRole("tabpanel", { name: "Train" }).getByRole("status", { name: /^Run status:/ });

/**
 * Presses Start training and waits until the new run (not the one shown before) ends; returns
 * its status ("Run status: Completed").
 */
export async function trainToEnd(page: Page): Promise<string> {
  const train = page.getByRole("tabpanel", { name: "Train" });
  const runId = async () => {
    const name = train.getByRole("region", { name: "Progress" }).locator(".run-name");
    return (await name.count()) > 0 ? await name.getAttribute("title") : null;
  };
  const before = await runId();
  await train.getByRole("button", { name: "Start training" }).click();
  await expect.poll(runId, { timeout: STALL_MS }).not.toBe(before);
  return untilRunEnds(page);
}

/**
 * Waits until the current run ends, however long that takes on this machine while its progress
 * (the bar, the epoch counter, the charts' points) moves on; returns its status ("Run status:
 * Completed").
 */
export async function untilRunEnds(page: Page): Promise<string> {
  const train = page.getByRole("tabpanel", { name: "Train" });
  const status = async () => (await runStatus(page).getAttribute("aria-label")) ?? "";
  await whileProgressing(
    "the run",
    async () => !/: (Running|Paused)$/.test(await status()),
    async () =>
      [
        await status(),
        await train.getByRole("progressbar", { name: "Training progress" }).getAttribute("aria-valuenow"),
        await train.getByTestId("epoch-counter").textContent(),
        // Points of every chart (a GAN has two loss charts).
        await train
          .locator("figure[data-points]")
          .evaluateAll((charts) => charts.map((c) => c.dataset.points).join(",")),
      ].join(" | "),
  );
  return status();
}

/** Points the loss chart holds (per batch and per epoch, before decimation). */
export async function lossPoints(page: Page): Promise<number> {
  const chart = page.getByRole("figure", { name: "Loss chart" });
  if ((await chart.count()) === 0) return 0;
  return Number((await chart.getAttribute("data-points")) ?? 0);
}

export async function screenshot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path, fullPage: false });
}

/** The number in "✓ Verified … Max abs diff 1.23e-7". */
export async function maxAbsDiff(page: Page): Promise<number> {
  return Number(await page.getByTestId("max-abs-diff").textContent());
}
