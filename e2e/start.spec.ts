import { expect, test } from "@playwright/test";
import { startBrowserMode } from "./helpers/browser-mode";

/** `npm start` without Electron: browser mode serves the app behind the printed token. */
let app: Awaited<ReturnType<typeof startBrowserMode>>;
test.beforeAll(async () => {
  app = await startBrowserMode();
});
test.afterAll(async () => app.stop());

test("opens from the printed URL and shows the whole layer catalog", async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole("heading", { name: "NetForge" })).toBeVisible();
  const catalog = page.getByRole("region", { name: "Layer catalog" });
  await expect(catalog.locator(".layer-item").first()).toBeVisible();
  const count = await catalog.locator(".layer-item").count();
  expect(count).toBeGreaterThanOrEqual(55);
  await page.screenshot({
    path: test.info().outputPath("catalog.png"),
    fullPage: false,
  });
});

test("finds layers by alias", async ({ page }) => {
  await page.goto(app.url);
  const search = page.getByRole("searchbox", { name: "Search layers" });
  await search.fill("fully connected");
  await expect(page.locator(".layer-item strong")).toContainText(["Dense"]);
  await search.fill("atrous");
  await expect(page.locator(".layer-item strong").first()).toContainText("Conv");
  await page.screenshot({ path: test.info().outputPath("search.png") });
});

test("refuses requests without the token or with a foreign Host header", async ({ request }) => {
  expect((await request.get(`${app.origin}/`)).status()).toBe(401);
  expect((await request.get(`${app.origin}/?token=wrong`)).status()).toBe(403);
  const foreign = await request.get(`${app.origin}/`, {
    headers: { Host: "evil.example:80" },
  });
  // DNS-rebinding defence (main/web/security.ts): a Host that is not this server is forbidden.
  expect(foreign.status()).toBe(403);
});
